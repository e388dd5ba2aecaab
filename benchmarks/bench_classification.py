"""五级分类性能基准：ruralfin.risk.classification.classify_loans 处理 1,000,000 笔贷款的用时。

目标（issue 6）：1,000,000 笔贷款的整本分类 ≤ 5 秒。

数据：合成贷款簿（固定种子），约 40 万个债务人、平均每户 2.5 笔；逾期天数 90 % 为 0，
其余在 1–500 天之间；带人工基础分类（字符串，10 % 非空）、重组观察期、合格续贷和跨行
90 天以上逾期占比四列，所有规则（逾期天数、重组、续贷、基础分类、债务人 10 %、跨行 20 %）
都会执行。计时只含 ``classify_loans`` 本身（含复制输入表），取 ``--repeat`` 次中的最小值
与中位数；之后顺带报告不良率与 10 % 规则牵连的笔数，便于核对结果合理。

用法::

    .venv/bin/python benchmarks/bench_classification.py              # 1,000,000 笔
    .venv/bin/python benchmarks/bench_classification.py --rows 100000 --repeat 5
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np
import pandas as pd

SEED = 20240601
TARGET_SECONDS = 5.0


def make_book(n_rows: int, seed: int = SEED) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    n_borrowers = max(1, int(n_rows / 2.5))
    dpd = np.where(rng.random(n_rows) < 0.9, 0, rng.integers(1, 500, n_rows)).astype("int16")
    base = pd.Series(pd.Categorical(
        np.where(rng.random(n_rows) < 0.1, rng.choice(["special_mention", "substandard", "normal"], n_rows), None),
        categories=["normal", "special_mention", "substandard", "doubtful", "loss"], ordered=True,
    ))
    return pd.DataFrame({
        "loan_id": np.arange(n_rows, dtype="int64"),
        "entity_id": rng.integers(0, n_borrowers, n_rows).astype("int32"),
        "balance": rng.gamma(2.0, 10.0, n_rows).astype("float32"),
        "days_past_due": dpd,
        "base_grade": base.astype("str").where(base.notna(), None),
        "is_restructured": rng.random(n_rows) < 0.02,
        "renewal_qualified": rng.random(n_rows) < 0.05,
        "other_bank_90_share": np.where(rng.random(n_rows) < 0.03, rng.random(n_rows), 0.0),
    })


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    from ruralfin.risk.classification import classify_loans, npl_ratio

    t0 = time.perf_counter()
    book = make_book(args.rows)
    print(f"生成 {args.rows:,} 笔贷款用时 {time.perf_counter() - t0:.2f} 秒")

    kw = dict(base_grade="base_grade", restructured="is_restructured", renewal_qualified="renewal_qualified",
              cross_bank_overdue_share="other_bank_90_share")
    classify_loans(book.head(1000), **kw)  # 预热（导入、首次调用开销）
    times = []
    for _ in range(args.repeat):
        t = time.perf_counter()
        out = classify_loans(book, **kw)
        times.append(time.perf_counter() - t)
    best, med = min(times), statistics.median(times)
    npl = npl_ratio(out).iloc[0]
    by_rule = out["grade_driver"].value_counts().to_dict()
    print(f"classify_loans：{args.rows:,} 笔，最快 {best:.2f} 秒，中位数 {med:.2f} 秒（{args.repeat} 次）")
    print(f"不良率（按余额）{npl['npl_ratio']:.2%}，按笔数 {npl['npl_ratio_count']:.2%}")
    print("分类依据笔数：" + "，".join(f"{k} {v:,}" for k, v in by_rule.items()))
    if args.rows >= 1_000_000:
        verdict = "达标" if med <= TARGET_SECONDS else "未达标"
        print(f"目标 ≤ {TARGET_SECONDS:g} 秒：{verdict}")


if __name__ == "__main__":
    main()
