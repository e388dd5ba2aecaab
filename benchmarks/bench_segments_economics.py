"""第 11、12 课库函数的耗时：每个 notebook 单元格调用一次，目标 ≤ 2 秒。

对默认示范县（``load_dataset``，若尚未提供则用生成器现场生成同样规模）逐个计时
``ruralfin.economics`` 与 ``ruralfin.segments`` 中讲义会用到的调用，打印每个调用的
秒数（取 3 次中的最小值）与是否达标。``--entities`` 可以换成更大的县，看规模放大后的表现。

用法::

    .venv/bin/python benchmarks/bench_segments_economics.py
    .venv/bin/python benchmarks/bench_segments_economics.py --entities 200000
"""

from __future__ import annotations

import argparse
import time
import warnings

TARGET_S = 2.0


def _county(n: int | None) -> dict:
    import ruralfin.datasets as ds

    names = ["entities", "holdings", "loans", "loan_monthly", "supply_chain", "account_flows",
             "external_data", "soft_info"]
    if n is None and hasattr(ds, "load_dataset"):
        try:
            return {k: ds.load_dataset(k) for k in names}
        except Exception as exc:  # 内置数据文件尚未生成
            print(f"加载内置示范县失败（{exc}），改为现场生成\n")
    if hasattr(ds, "make_county"):
        tables = ds.make_county(n or ds.DEFAULT_N)
    else:  # 数据模块尚未完成时的退路
        from ruralfin.datasets._generator import make_county_tables

        tables = make_county_tables(n or 25_000, 20251231)
    return {k: tables[k] for k in names}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=None, help="生成这么多经营主体（默认加载示范县）")
    args = parser.parse_args()

    from ruralfin import economics as ec
    from ruralfin import segments as sg

    t0 = time.perf_counter()
    c = _county(args.entities)
    e, h, loans, lm = c["entities"], c["holdings"], c["loans"], c["loan_monthly"]
    print(f"数据：{len(e):,} 个主体，{len(loans):,} 笔贷款，{len(lm):,} 行月度表现，"
          f"准备用时 {time.perf_counter() - t0:.1f} 秒\n")

    state: dict = {}

    def summary():
        return sg.customer_summary(e, h, loans=loans, loan_monthly=lm, account_flows=c["account_flows"],
                                   external_data=c["external_data"], soft_info=c["soft_info"])

    state["b0"] = ec.loan_book(loans, lm, "2024-12-31", entities=e)
    state["b1"] = ec.loan_book(loans, lm, "2025-12-31", entities=e)
    state["s"] = summary()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        state["p"] = sg.existing_customer_prospects(state["s"])
    state["good"] = sg.performing_borrowers(lm).query("is_performing")["entity_id"]

    calls = [
        ("rate_buildup + plot 数据", lambda: ec.rate_buildup(margin=0.5)),
        ("loan_book（一个时点）", lambda: ec.loan_book(loans, lm, "2025-12-31", entities=e)),
        ("regulatory_indicators", lambda: ec.regulatory_indicators(state["b0"], state["b1"], new_loans=loans)),
        ("raroc 按客群", lambda: ec.raroc(state["b1"], by="customer_group")),
        ("expected_loss_table", lambda: ec.expected_loss_table(
            state["b1"].assign(bad=state["b1"]["max_dpd_to_date"] > 90), default_flag="bad")),
        ("group_profile", lambda: sg.group_profile(e)),
        ("penetration 按乡镇", lambda: sg.penetration(e, by="township")),
        ("market_share", lambda: sg.market_share(e)),
        ("customer_summary（全部可选表）", summary),
        ("comprehensive_yield", lambda: ec.comprehensive_yield(state["s"])),
        ("performing_borrowers", lambda: sg.performing_borrowers(lm)),
        ("supply_chain_prospects", lambda: sg.supply_chain_prospects(c["supply_chain"], state["good"], entities=e)),
        ("existing_customer_prospects", lambda: sg.existing_customer_prospects(state["s"])),
        ("product_bundles", lambda: sg.product_bundles(state["s"])),
        ("target_list", lambda: sg.target_list(state["p"], top=30)),
    ]
    width = max(len(n) for n, _ in calls) + 2
    worst = 0.0
    print(f"{'调用':<{width}}{'秒':>8}  达标（≤ {TARGET_S:g} 秒）")
    for name, fn in calls:
        best = float("inf")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for _ in range(3):
                t = time.perf_counter()
                fn()
                best = min(best, time.perf_counter() - t)
        worst = max(worst, best)
        print(f"{name:<{width}}{best:8.3f}  {'是' if best <= TARGET_S else '否'}")
    print(f"\n最慢的一次调用：{worst:.3f} 秒")


if __name__ == "__main__":
    main()
