"""课程基准：``import ruralfin`` 比 ``import pandas`` 多用的时间，以及每个 notebook 的执行时间。

用法：python benchmarks/bench_course.py [--repeat 5] [--no-notebooks]
每次导入都在新的子进程里测，取中位数；notebook 在新内核里从头执行，报告总时间和最慢的单元格。
目标（课程基础 issue）：导入增量 ≤ 0.3 s；每个单元格 ≤ 约 2 s。
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_TIMER = "import time; t=time.perf_counter(); import {mod}; print(time.perf_counter()-t)"


def _import_seconds(mod: str, pre: str = "") -> float:
    code = (pre + "; " if pre else "") + _TIMER.format(mod=mod)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-notebooks", action="store_true")
    args = ap.parse_args()

    pandas_t = [_import_seconds("pandas") for _ in range(args.repeat)]
    extra_t = [_import_seconds("ruralfin", pre="import pandas") for _ in range(args.repeat)]
    print(f"import pandas：中位数 {statistics.median(pandas_t):.3f} s")
    print(f"import ruralfin（pandas 已导入后的增量）：中位数 {statistics.median(extra_t):.3f} s（目标 ≤ 0.300 s）")

    if args.no_notebooks:
        return
    from ruralfin._notebooks import execute_notebook

    print("\nnotebook 执行时间（新内核，含启动）：")
    print(f"{'文件':<40} {'总时间':>8} {'最慢单元格':>10}  最慢单元格首行")
    for d in ("notebooks", "solutions", "exercises"):
        for path in sorted((ROOT / d).glob("*.ipynb")):
            run = execute_notebook(path)
            idx, sec, first = run.slowest
            status = "" if not run.errors else "  [出错]"
            print(f"{path.relative_to(ROOT).as_posix():<40} {run.seconds:>7.2f}s {sec:>9.2f}s  #{idx} {first}{status}")


if __name__ == "__main__":
    main()
