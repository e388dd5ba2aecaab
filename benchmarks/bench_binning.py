"""WoE 分箱性能基准：ruralfin.risk.WoEBinner 对比 optbinning.BinningProcess。

目标（issue 5）：在合成的 1,000,000 × 30 数据（20 个含缺失的数值特征，10 个 5–50 个
类别的类别特征）上做“分箱拟合 + WoE 转换”，

- 速度至少是 optbinning BinningProcess（fit + transform，同一次运行、同一台机器）的 2 倍；
- 总 IV 与 optbinning 相差不超过 2 %；
- 峰值内存 ≤ 2 GB。

测量方法
--------
两个库各在一个**全新的子进程**里运行：子进程先用同一个种子生成同一份数据，
再计时 ``fit`` + ``transform``（``time.perf_counter``），最后读
``resource.getrusage(RUSAGE_SELF).ru_maxrss``——整个子进程的峰值常驻内存，
包括数据本身；同时报告生成数据后的内存，便于看出分箱本身多用了多少。
optbinning 只在子进程里导入，ruralfin 本身从不导入它。

公平设置（两边一致）
--------------------
- 最终分箱的约束相同：每箱最少 5 % 的样本（optbinning ``min_bin_size=0.05``；
  ruralfin ``min_bin_share=0.05``）；
- 稀有类别阈值同为 1 %：占比低于 1 % 的类别并成“其他”（optbinning
  ``cat_cutoff=0.01``；ruralfin ``rare_share=0.01``）；
- 每个特征最多 6 个普通箱（``max_n_bins=6`` / ``max_bins=6``）；
- 数值特征要求单调、方向自动选择（optbinning ``monotonic_trend="auto_asc_desc"``；
  ruralfin ``monotonic="auto"``）；类别特征两边都按坏样本率排序；
- 缺失值各自单独一箱；单线程（optbinning ``n_jobs=1``；ruralfin 本来就是单线程）；
- 预分箱两边都用各自的默认做法：optbinning 用决策树（CART）在至多 20 个候选切点里选，
  每个预分箱至少 5 %（``max_n_prebins=20, min_prebin_size=0.05``，均为默认值）；
  ruralfin 用 100 段等频预分箱（默认值），再用动态规划在约束下选 IV 最大的合并方式。
- 两边拿到同一张表：类别列是 pandas 的 str 类型（与从 CSV 读入的一样）。

两边的 WoE 方向相反（optbinning 为 ln(好占比/坏占比)），IV 与方向无关，可以直接比较。

用法::

    .venv/bin/python benchmarks/bench_binning.py            # 1,000,000 行
    .venv/bin/python benchmarks/bench_binning.py --rows 100000
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

N_NUMERIC = 20
N_CATEGORICAL = 10
SEED = 20240501
SETTINGS = {"min_share": 0.05, "max_bins": 6, "rare_share": 0.01}


def make_data(n_rows: int, seed: int = SEED):
    """确定性的合成数据：20 个数值特征（3 %–20 % 缺失）+ 10 个类别特征（5–50 个类别）。"""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    cols = {}
    logit = np.full(n_rows, -2.3)
    for j in range(N_NUMERIC):
        kind = j % 4
        if kind == 0:
            x = rng.normal(0, 1, n_rows)
        elif kind == 1:
            x = rng.lognormal(2, 0.8, n_rows)
        elif kind == 2:
            x = rng.integers(0, 60, n_rows).astype(float)
        else:
            x = rng.exponential(5, n_rows)
        z = (x - x.mean()) / x.std()
        logit += rng.uniform(-0.35, 0.35) * z
        miss = rng.random(n_rows) < rng.uniform(0.03, 0.2)
        x[miss] = np.nan
        cols[f"num_{j:02d}"] = x
    for j in range(N_CATEGORICAL):
        k = int(np.linspace(5, 50, N_CATEGORICAL)[j])
        p = rng.dirichlet(np.ones(k) * 0.8)
        codes = rng.choice(k, n_rows, p=p)
        effect = rng.normal(0, 0.3, k)
        logit += effect[codes]
        # 与从 CSV 读入的一样是文字列（pandas 的 str 类型），两个库拿到同一张表
        cols[f"cat_{j:02d}"] = pd.Series(np.array([f"L{i:02d}" for i in range(k)])[codes], dtype="str")
    y = (rng.random(n_rows) < 1 / (1 + np.exp(-logit))).astype(np.int64)
    return pd.DataFrame(cols), y


def _rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux：KB


def run_ruralfin(n_rows: int) -> dict:
    from ruralfin.risk.binning import WoEBinner

    X, y = make_data(n_rows)
    rss_data = _rss_mb()
    t0 = time.perf_counter()
    binner = WoEBinner(max_bins=SETTINGS["max_bins"], min_bin_share=SETTINGS["min_share"],
                       rare_share=SETTINGS["rare_share"], monotonic="auto")  # n_prebins 用默认的 100
    binner.fit(X, y)
    t1 = time.perf_counter()
    woe = binner.transform(X)
    t2 = time.perf_counter()
    return {"fit": t1 - t0, "transform": t2 - t1, "total": t2 - t0, "iv": binner.iv_.to_dict(),
            "rss_data_mb": rss_data, "rss_peak_mb": _rss_mb(), "shape": list(woe.shape)}


def run_optbinning(n_rows: int) -> dict:
    import warnings

    from optbinning import BinningProcess

    warnings.filterwarnings("ignore")
    X, y = make_data(n_rows)
    cats = [c for c in X.columns if c.startswith("cat_")]
    rss_data = _rss_mb()
    fit_params = {c: {"monotonic_trend": "auto_asc_desc"} for c in X.columns if c.startswith("num_")}
    fit_params.update({c: {"cat_cutoff": SETTINGS["rare_share"]} for c in cats})
    t0 = time.perf_counter()
    bp = BinningProcess(list(X.columns), categorical_variables=cats, max_n_prebins=20,
                        min_prebin_size=SETTINGS["min_share"], min_bin_size=SETTINGS["min_share"],
                        max_n_bins=SETTINGS["max_bins"], binning_fit_params=fit_params, n_jobs=1)
    bp.fit(X, y)
    t1 = time.perf_counter()
    woe = bp.transform(X, metric="woe")
    t2 = time.perf_counter()
    summary = bp.summary()
    iv = dict(zip(summary["name"], summary["iv"].astype(float)))
    return {"fit": t1 - t0, "transform": t2 - t1, "total": t2 - t0, "iv": iv,
            "rss_data_mb": rss_data, "rss_peak_mb": _rss_mb(), "shape": list(woe.shape)}


def _child(which: str, n_rows: int) -> dict:
    cmd = [sys.executable, __file__, "--child", which, "--rows", str(n_rows)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--child", choices=["ruralfin", "optbinning"])
    args = parser.parse_args(argv)
    if args.child:
        res = run_ruralfin(args.rows) if args.child == "ruralfin" else run_optbinning(args.rows)
        print(json.dumps(res))
        return 0

    print(f"数据：{args.rows:,} 行 × {N_NUMERIC + N_CATEGORICAL} 列（{N_NUMERIC} 数值含缺失、"
          f"{N_CATEGORICAL} 类别 5–50 类）；设置：{SETTINGS}")
    rf = _child("ruralfin", args.rows)
    ob = _child("optbinning", args.rows)
    ratio = ob["total"] / rf["total"]
    iv_rf, iv_ob = sum(rf["iv"].values()), sum(ob["iv"].values())
    rel = abs(iv_rf - iv_ob) / iv_ob
    print(f"{'':12s}{'fit':>9s}{'transform':>11s}{'合计':>9s}{'总 IV':>10s}{'数据后内存':>12s}{'峰值内存':>10s}")
    for name, r, iv in [("ruralfin", rf, iv_rf), ("optbinning", ob, iv_ob)]:
        print(f"{name:12s}{r['fit']:8.2f}s{r['transform']:10.2f}s{r['total']:8.2f}s{iv:10.4f}"
              f"{r['rss_data_mb']:10.0f}MB{r['rss_peak_mb']:8.0f}MB")
    print(f"速度比（optbinning ÷ ruralfin）：{ratio:.1f} 倍   目标 ≥ 2 倍：{'达到' if ratio >= 2 else '未达到'}")
    print(f"总 IV 相对差：{rel:.2%}   目标 ≤ 2 %：{'达到' if rel <= 0.02 else '未达到'}")
    print(f"ruralfin 峰值内存：{rf['rss_peak_mb']:.0f} MB   目标 ≤ 2048 MB："
          f"{'达到' if rf['rss_peak_mb'] <= 2048 else '未达到'}")
    worst = sorted(rf["iv"], key=lambda k: -abs(rf["iv"][k] - ob["iv"].get(k, 0.0)))[:5]
    print("IV 差别最大的 5 个特征（ruralfin / optbinning）：" + "，".join(
        f"{k} {rf['iv'][k]:.4f}/{ob['iv'][k]:.4f}" for k in worst))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
