//! A small zip writer and reader for bundles: stored (uncompressed) entries only, UTF-8
//! names, no zip64. Article bundles are a few text files, so compression is not worth the
//! inflater it would add to the wasm. The reader checks every length against the input and
//! never panics on malformed bytes; it refuses more than [`MAX_ENTRIES`] entries and entries
//! over [`MAX_ENTRY_BYTES`], and compressed or encrypted entries.

use std::fmt;

/// The most entries a zip may have to be read.
pub(crate) const MAX_ENTRIES: usize = 1000;
/// The largest entry read: the engine's limit for one article.
pub(crate) const MAX_ENTRY_BYTES: usize = atlas_extract::MAX_ARTICLE_BYTES;

const LOCAL_HEADER: u32 = 0x0403_4b50;
const CENTRAL_HEADER: u32 = 0x0201_4b50;
const END_OF_CENTRAL_DIRECTORY: u32 = 0x0605_4b50;
/// General purpose flag 11: names are UTF-8.
const UTF8_NAMES: u16 = 1 << 11;
const VERSION: u16 = 20;

/// Why a zip could not be read: the entry it is about (when one is), and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ZipError {
    pub(crate) entry: Option<String>,
    pub(crate) message: String,
}

impl ZipError {
    fn new(message: impl Into<String>) -> Self {
        ZipError {
            entry: None,
            message: message.into(),
        }
    }

    fn in_entry(entry: &str, message: impl Into<String>) -> Self {
        ZipError {
            entry: Some(entry.to_string()),
            message: message.into(),
        }
    }
}

impl fmt::Display for ZipError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.entry {
            Some(entry) => write!(f, "entry {entry:?}: {}", self.message),
            None => write!(f, "{}", self.message),
        }
    }
}

/// Writes `entries` (name, content) as a zip, stored, each dated `modified` (MS-DOS time,
/// see [`dos_date_time`]).
///
/// # Panics
/// Never for bundles: each entry must be under 4 GiB and there must be fewer than 65,536 of
/// them (callers keep to [`MAX_ENTRY_BYTES`] and [`MAX_ENTRIES`]).
pub(crate) fn write(entries: &[(String, Vec<u8>)], modified: (u16, u16)) -> Vec<u8> {
    let (time, date) = modified;
    let size = |n: usize| u32::try_from(n).expect("an entry under 4 GiB");
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let offset = size(out.len());
        let crc = crc32(data);
        let common = |out: &mut Vec<u8>| {
            put16(out, VERSION);
            put16(out, UTF8_NAMES);
            put16(out, 0); // stored
            put16(out, time);
            put16(out, date);
            put32(out, crc);
            put32(out, size(data.len()));
            put32(out, size(data.len()));
            put16(out, u16::try_from(name.len()).expect("a short name"));
            put16(out, 0); // extra field length
        };
        put32(&mut out, LOCAL_HEADER);
        common(&mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);

        put32(&mut central, CENTRAL_HEADER);
        put16(&mut central, VERSION); // made by
        common(&mut central);
        put16(&mut central, 0); // comment length
        put16(&mut central, 0); // disk
        put16(&mut central, 0); // internal attributes
        put32(&mut central, 0); // external attributes
        put32(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let central_offset = size(out.len());
    out.extend_from_slice(&central);
    let count = u16::try_from(entries.len()).expect("fewer than 65,536 entries");
    put32(&mut out, END_OF_CENTRAL_DIRECTORY);
    put16(&mut out, 0);
    put16(&mut out, 0);
    put16(&mut out, count);
    put16(&mut out, count);
    put32(&mut out, size(central.len()));
    put32(&mut out, central_offset);
    put16(&mut out, 0); // comment length
    out
}

/// Reads every entry (name, content) of a zip, in the order of its central directory.
///
/// # Errors
/// A [`ZipError`] when the bytes are not a zip (or are cut short or garbled), when an entry is
/// compressed, encrypted, too large or fails its CRC, or when there are too many entries.
pub(crate) fn read(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, ZipError> {
    let not_zip = || ZipError::new("not a zip file (or cut short): its directory is missing");
    let end = find_end_of_central_directory(bytes).ok_or_else(not_zip)?;
    let count = usize::from(u16_at(bytes, end + 10).ok_or_else(not_zip)?);
    let directory_size = u32_at(bytes, end + 12).ok_or_else(not_zip)? as usize;
    let directory_offset = u32_at(bytes, end + 16).ok_or_else(not_zip)? as usize;
    if count > MAX_ENTRIES {
        return Err(ZipError::new(format!(
            "it has {count} entries, more than the {MAX_ENTRIES} a bundle may have"
        )));
    }
    if directory_offset.checked_add(directory_size).is_none_or(|e| e > end) {
        return Err(ZipError::new(
            "its directory lies outside the file (cut short or garbled)",
        ));
    }
    let mut entries = Vec::with_capacity(count);
    let mut pos = directory_offset;
    for index in 0..count {
        let garbled = || ZipError::new(format!("the directory is garbled at entry {}", index + 1));
        if u32_at(bytes, pos) != Some(CENTRAL_HEADER) {
            return Err(garbled());
        }
        let field16 = |at: usize| u16_at(bytes, pos + at).ok_or_else(garbled);
        let field32 = |at: usize| u32_at(bytes, pos + at).ok_or_else(garbled);
        let (flags, method) = (field16(8)?, field16(10)?);
        let (crc, compressed, size) = (field32(16)?, field32(20)? as usize, field32(24)? as usize);
        let name_len = usize::from(field16(28)?);
        let skip = usize::from(field16(30)?) + usize::from(field16(32)?);
        let local = field32(42)? as usize;
        let name = bytes.get(pos + 46..pos + 46 + name_len).ok_or_else(garbled)?;
        let name = String::from_utf8_lossy(name).into_owned();
        pos += 46 + name_len + skip;

        let fail = |message: String| Err(ZipError::in_entry(&name, message));
        if flags & 1 != 0 {
            return fail("it is encrypted".into());
        }
        if method != 0 {
            return fail(format!(
                "it is compressed (method {method}); bundles are read as the atlas writes them, with stored entries"
            ));
        }
        if size > MAX_ENTRY_BYTES {
            return fail(format!(
                "it has {size} bytes, more than the {MAX_ENTRY_BYTES}-byte limit for one article"
            ));
        }
        if compressed != size {
            return fail("its stored and its real sizes differ".into());
        }
        let data = local_data(bytes, local, size)
            .ok_or_else(|| ZipError::in_entry(&name, "its data lies outside the file (cut short or garbled)"))?;
        if crc32(data) != crc {
            return fail("its content does not match its checksum (the file is damaged)".into());
        }
        entries.push((name, data.to_vec()));
    }
    Ok(entries)
}

/// The `size` bytes of data after the local header at `offset`.
fn local_data(bytes: &[u8], offset: usize, size: usize) -> Option<&[u8]> {
    if u32_at(bytes, offset)? != LOCAL_HEADER {
        return None;
    }
    let name_len = usize::from(u16_at(bytes, offset + 26)?);
    let extra_len = usize::from(u16_at(bytes, offset + 28)?);
    let start = offset.checked_add(30 + name_len + extra_len)?;
    bytes.get(start..start.checked_add(size)?)
}

/// The offset of the end-of-central-directory record: the last one whose comment reaches the
/// end of the file.
fn find_end_of_central_directory(bytes: &[u8]) -> Option<usize> {
    let last = bytes.len().checked_sub(22)?;
    let first = last.saturating_sub(usize::from(u16::MAX));
    (first..=last).rev().find(|&pos| {
        u32_at(bytes, pos) == Some(END_OF_CENTRAL_DIRECTORY)
            && u16_at(bytes, pos + 20).is_some_and(|comment| pos + 22 + usize::from(comment) == bytes.len())
    })
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    let b = bytes.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([b[0], b[1]]))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn put16(out: &mut Vec<u8>, value: u16) {
    out.extend_from_slice(&value.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}

/// MS-DOS (time, date) of a moment in UTC; moments before 1980 read as 1980-01-01 00:00.
pub(crate) fn dos_date_time(unix_seconds: i64) -> (u16, u16) {
    let day = crate::time::Day::try_from(unix_seconds.div_euclid(86_400)).unwrap_or(0);
    let (year, month, day_of_month) = crate::time::civil(day);
    if !(1980..=2107).contains(&year) {
        return (0, (1 << 5) | 1);
    }
    let seconds = unix_seconds.rem_euclid(86_400) as u16 / 2; // < 43,200
    let (hours, minutes, halves) = (seconds / 1800, seconds % 1800 / 30, seconds % 30);
    let time = (hours << 11) | (minutes << 5) | halves;
    let date = (((year - 1980) as u16) << 9) | (u16::from(month) << 5) | u16::from(day_of_month);
    (time, date)
}

/// CRC-32 (IEEE, as zip uses), from a table built at compile time.
pub(crate) fn crc32(data: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut table = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut crc = i as u32;
            let mut bit = 0;
            while bit < 8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xedb8_8320
                } else {
                    crc >> 1
                };
                bit += 1;
            }
            table[i] = crc;
            i += 1;
        }
        table
    };
    !data
        .iter()
        .fold(!0u32, |crc, &b| TABLE[usize::from((crc as u8) ^ b)] ^ (crc >> 8))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<(String, Vec<u8>)> {
        vec![
            ("a.txt".into(), b"title: A\n\nText.".to_vec()),
            ("中文 name.txt".into(), "正文。".as_bytes().to_vec()),
            ("empty.txt".into(), Vec::new()),
        ]
    }

    #[test]
    fn crc32_is_the_zip_one() {
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
        assert_eq!(crc32(b"The quick brown fox jumps over the lazy dog"), 0x414f_a339);
    }

    #[test]
    fn what_is_written_reads_back() {
        let bytes = write(&sample(), dos_date_time(1_750_000_000));
        assert!(bytes.starts_with(b"PK\x03\x04"));
        assert_eq!(read(&bytes).unwrap(), sample());
        assert_eq!(read(&write(&[], (0, 33))).unwrap(), Vec::new());
    }

    #[test]
    fn dos_times_count_from_1980() {
        // 2025-06-15 15:06:40 UTC.
        let (time, date) = dos_date_time(1_750_000_000);
        assert_eq!((date >> 9, (date >> 5) & 15, date & 31), (45, 6, 15));
        assert_eq!((time >> 11, (time >> 5) & 63, (time & 31) * 2), (15, 6, 40));
        assert_eq!(dos_date_time(0), (0, 33));
    }

    #[test]
    fn a_comment_after_the_directory_is_allowed() {
        let mut bytes = write(&sample(), (0, 33));
        let n = bytes.len();
        bytes[n - 2] = 3;
        bytes.extend_from_slice(b"hi!");
        assert_eq!(read(&bytes).unwrap(), sample());
    }

    /// Every cut and many garbled versions of a zip are refused with a message, or read; never
    /// a panic.
    #[test]
    fn truncated_or_garbled_bytes_never_panic() {
        let bytes = write(&sample(), (0, 33));
        for len in 0..bytes.len() {
            let error = read(&bytes[..len]).unwrap_err();
            assert!(!error.message.is_empty());
        }
        // xorshift64: any deterministic stream will do.
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as usize
        };
        for _ in 0..5000 {
            let mut garbled = bytes.clone();
            for _ in 0..1 + next() % 4 {
                let at = next() % garbled.len();
                garbled[at] = next() as u8;
            }
            if let Ok(entries) = read(&garbled) {
                assert!(entries.len() <= 3);
            }
        }
        for _ in 0..500 {
            let random: Vec<u8> = (0..next() % 200).map(|_| next() as u8).collect();
            let _ = read(&random);
        }
    }

    #[test]
    fn damage_and_unsupported_entries_are_named() {
        let mut bytes = write(&sample(), (0, 33));
        let at = bytes.windows(5).position(|w| w == b"Text.").unwrap();
        bytes[at] = b'N';
        let error = read(&bytes).unwrap_err();
        assert_eq!(error.entry.as_deref(), Some("a.txt"));
        assert!(error.to_string().contains("checksum"), "{error}");

        let mut bytes = write(&sample(), (0, 33));
        let directory = bytes.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
        bytes[directory + 10] = 8; // deflate
        let error = read(&bytes).unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("entry \"a.txt\": it is compressed (method 8)"),
            "{error}"
        );
    }

    #[test]
    fn too_many_or_too_large_entries_are_refused() {
        let many: Vec<(String, Vec<u8>)> = (0..=MAX_ENTRIES).map(|i| (format!("{i}.txt"), vec![])).collect();
        let error = read(&write(&many, (0, 33))).unwrap_err();
        assert!(error.message.contains("1001 entries"), "{error}");
        let large = vec![("big.txt".to_string(), vec![b'a'; MAX_ENTRY_BYTES + 1])];
        let error = read(&write(&large, (0, 33))).unwrap_err();
        assert_eq!(error.entry.as_deref(), Some("big.txt"));
        assert!(error.message.contains("limit"));
    }
}
