#!/usr/bin/env python3
"""Where the app's wasm bytes go: code size per crate and the largest functions.

Reads a wasm module that still has its name section (build it without stripping, before
wasm-bindgen and wasm-opt):

    CARGO_PROFILE_RELEASE_STRIP=none cargo build --release --target wasm32-unknown-unknown --bin cooperation-atlas
    python3 .ci/wasm-function-sizes.py target/wasm32-unknown-unknown/release/cooperation-atlas.wasm

Crates are told apart by the first crate name in a function's mangled name: generic code
instantiated for the app's types counts for the crate that defines it (tachys, for views).
"""
import sys, collections, re
data=open(sys.argv[1],'rb').read()
def leb(b,i):
    r=0;s=0
    while True:
        x=b[i];i+=1;r|=(x&0x7f)<<s;s+=7
        if x<0x80: return r,i
i=8; sections=[]
while i<len(data):
    sid=data[i];i+=1;size,i=leb(data,i);sections.append((sid,i,size));i+=size
nimports=0; sizes=[]; names={}
for sid,start,size in sections:
    if sid==2:
        j=start;n,j=leb(data,j)
        for _ in range(n):
            l,j=leb(data,j);j+=l;l,j=leb(data,j);j+=l;kind=data[j];j+=1
            if kind==0: _,j=leb(data,j);nimports+=1
            elif kind==1: j+=1;fl,j=leb(data,j);_,j=leb(data,j); 
            elif kind==2: fl,j=leb(data,j);_,j=leb(data,j);
            elif kind==3: j+=2
    if sid==10:
        j=start;n,j=leb(data,j)
        for _ in range(n):
            l,j=leb(data,j);sizes.append(l);j+=l
    if sid==0:
        j=start;l,j=leb(data,j);nm=data[j:j+l].decode();j+=l
        if nm=='name':
            end=start+size
            while j<end:
                sub=data[j];j+=1;sl,j=leb(data,j);se=j+sl
                if sub==1:
                    n,j=leb(data,j)
                    for _ in range(n):
                        idx,j=leb(data,j);l,j=leb(data,j);names[idx]=data[j:j+l].decode('utf8','replace');j+=l
                j=se
        else:
            print('custom',nm,size)
    if sid==11: print('data section',size)
print('code total',sum(sizes),'functions',len(sizes))
by=collections.Counter()
def crate(n):
    m=re.match(r'^_?<?(?:_ZN)?([a-z_0-9]+)',n)
    for c in ['tachys','reactive_graph','leptos','serde_wasm_bindgen','serde','wasm_bindgen','js_sys','web_sys','core','alloc','std','cooperation_atlas','atlas_extract','atlas_map','hashbrown','futures','any_spawner','or_poisoned','dlmalloc','gloo','send_wrapper','throw_error','slotmap','guardian','pin_project','indexmap','itertools','leptos_dom','either_of']:
        if c in n[:80]: return c
    return 'other'
fs=[(sizes[k],names.get(k+nimports,'?')) for k in range(len(sizes))]
for s,n in fs: by[crate(n)]+=s
for c,s in by.most_common(20): print(f"{s/1024:8.1f} KB {c}")
for s,n in sorted(fs,reverse=True)[:25]: print(s, n[:140])
