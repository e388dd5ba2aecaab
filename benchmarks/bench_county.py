"""示范县生成器的规模基准：10k / 100k / 1M 个经营主体，各在新的子进程里跑，报告耗时与峰值常驻内存。

目标：1,000,000 个主体、全部表 ≤ 60 秒、峰值内存 ≤ 6 GB，耗时随规模大致线性增长。

用法：``python benchmarks/bench_county.py [规模 ...]``
"""

from __future__ import annotations

import json
import subprocess
import sys

CHILD = r"""
import json, resource, sys, time
from ruralfin.datasets import make_county
n = int(sys.argv[1])
t0 = time.perf_counter()
c = make_county(n_entities=n, random_state=20251231)
dt = time.perf_counter() - t0
rows = sum(len(v) for v in c.values())
peak_gb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024
print(json.dumps({"n": n, "seconds": dt, "peak_gb": peak_gb, "rows": rows, "tables": len(c)}))
"""


def run(n: int) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, str(n)], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(sizes: list[int]) -> None:
    print(f"{'主体数':>10} {'耗时(秒)':>9} {'每万主体(秒)':>12} {'峰值内存(GB)':>12} {'总行数':>13}")
    for n in sizes:
        r = run(n)
        print(f"{r['n']:>10,} {r['seconds']:>9.1f} {r['seconds'] / n * 1e4:>12.3f} {r['peak_gb']:>12.2f} {r['rows']:>13,}")
    print("目标：1,000,000 个主体 ≤ 60 秒、≤ 6 GB。")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10_000, 100_000, 1_000_000])
