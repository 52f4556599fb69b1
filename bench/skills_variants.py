"""R-P@5 of ExtractConfig variants on every dev set (dev..devN, every tests/data/skills_dev*.jsonl) and pooled, one extractor load, segment vectors cached.

    PYTHONPATH=src .venv/bin/python bench/skills_variants.py STORE [name='{"knob": value}' ...] [--dump]

--cache PATH keeps the segment vectors in a pickle between runs (MiniLM is the cost on a loaded machine).
--dump writes each sentence with its gold labels and our top 8 (* = gold) to /tmp/skills_dump.txt
(and /tmp/skills_dump_LABEL.txt per variant; SKILLS_DUMP=PREFIX moves them).
"""
import json, sys, os, glob, time
os.environ.setdefault("HF_HUB_OFFLINE", "1"); os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
import duckdb, torch
torch.set_num_threads(1)
from dataclasses import replace
from careerpath.embed import default_embedder
from careerpath.extract.skills import ExtractConfig, SkillExtractor
db = sys.argv[1]
args = sys.argv[2:]
cache_path = args[args.index('--cache') + 1] if '--cache' in args else None
variants = [a for a in args if '=' in a]
dump = '--dump' in sys.argv
DUMP = os.environ.get('SKILLS_DUMP', '/tmp/skills_dump')  # path prefix of the --dump files
sets = {}
nums = sorted(int(os.path.basename(f)[10:-6] or 1) for f in glob.glob('tests/data/skills_dev*.jsonl'))
for k in nums:
    n = '' if k == 1 else str(k)
    sets['dev' + n] = [json.loads(l) for l in open(f'tests/data/skills_dev{n}.jsonl') if l.strip()]
LAST = nums[-1]
con = duckdb.connect(db, read_only=False)
emb = default_embedder()
base = SkillExtractor.from_store(con, embedder=emb, config=ExtractConfig())
cache = {}
if cache_path and os.path.exists(cache_path):
    import pickle
    with open(cache_path, 'rb') as f: cache = pickle.load(f)
def enc(texts):
    miss = [t for t in texts if t not in cache]
    if miss:
        for t, v in zip(miss, emb.encode(miss)): cache[t] = v
    import numpy as np
    return np.stack([cache[t] for t in texts])
class E:  # caching embedder
    def encode(self, texts): return enc(list(texts))
base.embedder = E()
def uris(hits):
    out = []
    for h in hits:
        if h.esco_uri and h.esco_uri not in out: out.append(h.esco_uri)
    return out
def run(ex, label):
    res = {}; pooled = {'technical': [], 'other': []}; pooled_all = {'technical': [], 'other': []}
    pooled_prev = {'technical': [], 'other': []}  # dev2..dev(N-1): the sets seen before the newest one
    pooled13 = {'technical': [], 'other': []}  # dev2..dev13: the pool the goals have been reported on since session 15
    rows = []
    for name, items in sets.items():
        by = {}
        for it in items:
            gold = {s['uri'] for s in it['skills'] if s['uri']}
            hits = ex.extract(it['text'])
            pred = uris(hits)
            n = min(5, len(gold)); rp = len([p for p in pred[:n] if p in gold]) / n
            by.setdefault(it['group'], []).append(rp)
            if name != 'dev': pooled[it['group']].append(rp)
            if name not in ('dev', f'dev{LAST}'): pooled_prev[it['group']].append(rp)
            if name != 'dev' and int(name[3:]) <= 13: pooled13[it['group']].append(rp)
            pooled_all[it['group']].append(rp)
            rows.append((name, it, hits, gold, rp))
        res[name] = '%.1f / %.1f' % tuple(100 * sum(by[g]) / len(by[g]) for g in ('technical', 'other'))
    res['pooled2-13'] = '%.1f / %.1f' % tuple(100 * sum(pooled13[g]) / len(pooled13[g]) for g in ('technical', 'other'))
    res[f'pooled2-{LAST - 1}'] = '%.1f / %.1f' % tuple(100 * sum(pooled_prev[g]) / len(pooled_prev[g]) for g in ('technical', 'other'))
    res[f'pooled2-{LAST}'] = '%.1f / %.1f' % tuple(100 * sum(pooled[g]) / len(pooled[g]) for g in ('technical', 'other'))
    res[f'pooled1-{LAST}'] = '%.1f / %.1f' % tuple(100 * sum(pooled_all[g]) / len(pooled_all[g]) for g in ('technical', 'other'))
    print(label.ljust(40), ' | '.join(f'{k} {v}' for k, v in res.items()), flush=True)
    return rows
t = time.time()
def write_dump(rows, path):
    with open(path, 'w') as f:
        for name, it, hits, gold, rp in rows:
            f.write(f"\n## {name} #{it['id']} {it['group']} rp={rp:.2f}\n{it['text']}\n  gold: {[s['label'] for s in it['skills']]}\n")
            for h in hits[:8]:
                f.write(f"    {'*' if h.esco_uri in gold else ' '} {h.score:.3f} {h.method[:3]} {h.name} [{h.type}]\n")
rows = run(base, 'main')
if cache_path:
    import pickle
    with open(cache_path, 'wb') as f: pickle.dump(cache, f)
if dump:
    write_dump(rows, DUMP + '.txt')
for v in variants:
    label, js = v.split('=', 1)
    cfg = replace(ExtractConfig(), **json.loads(js))
    ex = SkillExtractor.from_store(con, embedder=emb, config=cfg); ex.embedder = E()
    rows = run(ex, label)
    if dump:  # one file per variant, to diff against the main one
        write_dump(rows, f'{DUMP}_{label}.txt')
print('time', round(time.time() - t, 1), file=sys.stderr)
