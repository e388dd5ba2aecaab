"""``rf.read_table`` 读大文件的基准：在临时目录里造一份约 200 MB 的合成贷款台账 CSV（示范县 loans 表
重复多遍、借据号改成互不相同），在新的子进程里读入并校验，报告耗时与峰值常驻内存。

目标：峰值内存（减去导入 ruralfin 后的基线）不超过文件大小的 3 倍。

用法：``python benchmarks/bench_read_table.py [文件大小（MB），默认 200]``
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = r"""
import json, resource, sys, time
import ruralfin as rf
from ruralfin.datasets import read_table
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
df = read_table(sys.argv[1], "loans")
dt = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"rows": len(df), "seconds": dt, "base_kb": base, "peak_kb": peak}))
"""


def build(path: Path, megabytes: float) -> int:
    """写一份约 ``megabytes`` MB 的合成 loans CSV（带 BOM 的 UTF-8），返回字节数。"""
    from ruralfin.datasets import load_dataset

    loans = load_dataset("loans")
    block = loans.to_csv(index=False, header=False, date_format="%Y-%m-%d")
    header = ",".join(loans.columns) + "\n"
    per_block = len(block.encode("utf-8"))
    copies = max(1, round(megabytes * 1e6 / per_block))
    step = int(loans["loan_id"].max()) + 1
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        fh.write(header)
        for k in range(copies):
            fh.write(loans.assign(loan_id=loans["loan_id"] + k * step).to_csv(
                index=False, header=False, date_format="%Y-%m-%d"))
    return path.stat().st_size


def main(megabytes: float) -> None:
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "loans_big.csv"
        size = build(p, megabytes)
        out = subprocess.run([sys.executable, "-c", CHILD, str(p)], check=True, capture_output=True, text=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
    mb = size / 1e6
    peak_mb = r["peak_kb"] * 1024 / 1e6
    extra_mb = (r["peak_kb"] - r["base_kb"]) * 1024 / 1e6
    print(f"文件 {mb:.0f} MB，{r['rows']:,} 行；读入 {r['seconds']:.1f} 秒；"
          f"峰值常驻内存 {peak_mb:.0f} MB（导入后基线之上 {extra_mb:.0f} MB，为文件的 {extra_mb / mb:.1f} 倍）")
    print("目标：基线之上不超过文件的 3 倍。")


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 200.0)
