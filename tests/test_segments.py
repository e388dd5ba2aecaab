"""ruralfin.segments：在示范县列名的小表上手算渗透率、份额、打分与组合。"""

import warnings

import numpy as np
import pandas as pd
import pytest

from ruralfin import labels
from ruralfin.errors import RuralfinTypeError, RuralfinValueError, RuralfinWarning
from ruralfin.segments import (
    add_age_band,
    customer_summary,
    entity_mix,
    existing_customer_prospects,
    export_target_list,
    group_profile,
    market_share,
    penetration,
    performing_borrowers,
    plot_market_share,
    product_bundles,
    prospect_rules,
    supply_chain_prospects,
    target_list,
)

# 示范县表里的列由 labels/_county.py 登记；这里只要求本模块新产生的列都有中文标签
COUNTY_COLS = {
    "entity_id", "entity_name", "customer_group", "industry", "sub_industry", "township", "village",
    "operator_name", "operator_phone", "operator_age", "years_in_business", "reported_revenue", "main_bank",
    "banks_with_us", "manager_id", "customer_since", "counterparty_key", "counterparty_name",
    "counterparty_type", "counterparty_entity_id", "balance", "loan_balance", "deposit_balance",
    "court_cases", "public_security_flag", "max_dpd_24m", "other_bank_debt", "village_reputation",
    "manager_visit_score",
}


def _all_labelled(df, inputs=()):
    missing = [c for c in df.columns if c not in COUNTY_COLS and c not in inputs and not labels.is_registered(c)]
    assert missing == [], f"这些输出列没有登记中文标签：{missing}"


def _entities():
    """8 个主体：3 个合作社、3 个个体户、2 个农户，分布在两个乡镇。"""
    return pd.DataFrame({
        "entity_id": [1, 2, 3, 4, 5, 6, 7, 8],
        "entity_name": [f"示例主体{i}" for i in range(1, 9)],
        "customer_group": pd.Categorical(
            ["coop", "coop", "coop", "individual_business", "individual_business", "individual_business",
             "farmer_household", "farmer_household"],
            categories=["new_agri_org", "coop", "rural_micro", "individual_business", "farmer_household"]),
        "industry": ["agri_production", "agri_production", "wholesale_retail", "catering", "catering",
                     "wholesale_retail", "agri_production", "agri_production"],
        "township": ["青禾镇", "稻香镇", "青禾镇", "青禾镇", "稻香镇", "稻香镇", "青禾镇", "青禾镇"],
        "operator_age": [52, 45, 61, 29, 35, 41, 58, 66],
        "years_in_business": [10, 4, 8, 2, 5, 7, 20, 30],
        "employees": [8, 5, 12, 1, 2, 3, 2, 1],
        "reported_revenue": [150.0, 90.0, 300.0, 20.0, 40.0, 60.0, 8.0, 6.0],
        "banks_with_us": [True, True, False, True, False, True, True, False],
        "main_bank": ["ours", "peer_b", "peer_a", "ours", "peer_b", "peer_b", "ours", "peer_b"],
        "customer_since": pd.to_datetime(["2019-12-31", "2023-12-31", None, "2024-06-30", None,
                                          "2021-12-31", "2015-12-31", None]),
    })


# --------------------------------------------------------------------------- 画像


def test_group_profile_by_hand():
    e = _entities()
    before = e.copy()
    p = group_profile(e).set_index("customer_group")
    pd.testing.assert_frame_equal(e, before)
    assert p.index.tolist() == ["coop", "individual_business", "farmer_household"]  # 按类别顺序，空组不列
    assert p["n_entities"].tolist() == [3, 3, 2]
    assert p["entity_share"].tolist() == pytest.approx([3 / 8, 3 / 8, 2 / 8])
    assert p["n_customers"].tolist() == [2, 2, 1]
    assert p["penetration"].tolist() == pytest.approx([2 / 3, 2 / 3, 1 / 2])
    assert p.loc["coop", "median_operator_age"] == 52
    assert p.loc["farmer_household", "median_revenue"] == pytest.approx(7.0)
    assert p.loc["coop", "mean_employees"] == pytest.approx(25 / 3)
    _all_labelled(p.reset_index())


def test_entity_mix_and_age_band():
    e = add_age_band(_entities())
    assert e["age_band"].tolist() == ["50_59", "40_49", "60_plus", "under_30", "30_39", "40_49", "50_59",
                                      "60_plus"]
    assert e["age_band"].cat.ordered
    mix = entity_mix(e, rows="customer_group", columns="age_band")
    coop = mix[mix["customer_group"] == "coop"].set_index("age_band")
    assert coop["n_entities"].sum() == 3
    assert coop.loc["50_59", "row_share"] == pytest.approx(1 / 3)
    assert coop.loc["50_59", "total_share"] == pytest.approx(1 / 8)
    wide = entity_mix(e, rows="township", columns="industry", pivot="n_entities")
    assert wide.loc["青禾镇", "agri_production"] == 3  # 主体 1、7、8
    assert wide.loc["稻香镇", "wholesale_retail"] == 1
    assert wide.values.sum() == 8
    one_way = entity_mix(e, rows="industry", columns=None)
    assert one_way.set_index("industry")["n_entities"].to_dict() == {
        "agri_production": 4, "catering": 2, "wholesale_retail": 2}
    # 只按一列分组时“占该行合计”恒为 1，没有意义，不返回；占全部的比例照给
    assert one_way.columns.tolist() == ["industry", "n_entities", "total_share"]
    assert one_way.set_index("industry")["total_share"].to_dict() == {
        "agri_production": 0.5, "catering": 0.25, "wholesale_retail": 0.25}
    custom = add_age_band(_entities(), bins=[40, 60], out="band")
    assert custom["band"].tolist()[:4] == ["40_59", "40_59", "60_plus", "under_40"]
    _all_labelled(mix)


def test_penetration_and_market_share_by_hand():
    e = _entities()
    pen = penetration(e, by="township").set_index("township")
    # 青禾镇：主体 1,3,4,7,8 → 我行客户 1,4,7 = 3/5；主办行是我行 1,4,7 = 3/5
    assert pen.loc["青禾镇", "n_entities"] == 5
    assert pen.loc["青禾镇", "penetration"] == pytest.approx(0.6)
    assert pen.loc["青禾镇", "main_bank_share"] == pytest.approx(0.6)
    # 稻香镇：主体 2,5,6 → 我行客户 2,6 = 2/3；主办行全是同业 → 我行 0，同业 1
    assert pen.loc["稻香镇", "penetration"] == pytest.approx(2 / 3)
    assert pen.loc["稻香镇", "main_bank_share"] == 0.0
    assert pen.loc["稻香镇", "peer_main_share"] == 1.0
    # 直接用 pandas 算一遍
    direct = e.groupby("township")["banks_with_us"].mean()
    assert pen["penetration"].to_dict() == pytest.approx(direct.to_dict())
    total = penetration(e, by=None)
    assert total.loc[0, "penetration"] == pytest.approx(5 / 8)
    two = penetration(e, by=["customer_group", "industry"])
    assert len(two) == 5
    _all_labelled(pen.reset_index())

    ms = market_share(e)
    coop = ms[ms["customer_group"] == "coop"].set_index("main_bank")["institution_share"]
    assert coop.to_dict() == pytest.approx({"ours": 1 / 3, "peer_a": 1 / 3, "peer_b": 1 / 3})
    ib = market_share(e, pivot=True).set_index("customer_group")
    assert ib.loc["individual_business", "peer_b"] == pytest.approx(2 / 3)
    assert ib.loc["individual_business", "peer_a"] == 0.0
    all_county = market_share(e, by=None).set_index("main_bank")["institution_share"]
    assert all_county["peer_b"] == pytest.approx(4 / 8)
    _all_labelled(ms)


def test_profile_bad_input():
    e = _entities()
    with pytest.raises(RuralfinValueError, match="entities 缺少列 is_ours（参数 banks_with_us"):
        group_profile(e, banks_with_us="is_ours")
    with pytest.raises(RuralfinTypeError, match="main_bank 应为是/否"):
        penetration(e, banks_with_us="main_bank")
    with pytest.raises(RuralfinValueError, match="缺少列 town（参数 by"):
        penetration(e, by="town")
    with pytest.raises(RuralfinTypeError, match="参数 main_bank 应为列名"):
        market_share(e, main_bank=["main_bank"])
    with pytest.raises(RuralfinValueError, match="pivot 不认识"):
        entity_mix(e, pivot="share")
    with pytest.raises(RuralfinValueError, match="严格递增"):
        add_age_band(e, bins=[50, 40])
    with pytest.raises(RuralfinTypeError, match="entities 应为 pandas DataFrame"):
        market_share(e.to_dict())


# --------------------------------------------------------------------------- 客户汇总


def _holdings():
    return pd.DataFrame({
        "entity_id": [1, 1, 1, 2, 4, 4, 6, 7, 7],
        "product_id": [1, 2, 3, 2, 4, 5, 2, 1, 6],
        "product_type": ["business_loan", "deposit_time", "settlement", "deposit_current", "mobile_payment",
                         "insurance", "deposit_current", "farmer_loan", "wealth"],
        "open_date": pd.to_datetime(["2024-01-01"] * 9),
        "balance": [80.0, 30.0, 0.0, 12.0, 0.0, 0.0, 6.0, 20.0, 10.0],
        "avg_balance_12m": [85.0, 28.0, 0.0, 10.0, 0.0, 0.0, 7.0, 22.0, 9.0],
        "fee_income_12m": [0.0, 0.0, 0.4, 0.0, 0.2, 0.1, 0.0, 0.0, 0.05],
    })


def _loans_and_monthly():
    loans = pd.DataFrame({"loan_id": [11, 12, 13], "entity_id": [1, 1, 7], "contract_rate": [5.0, 6.0, 4.5]})
    months = pd.to_datetime(["2025-11-30", "2025-12-31"])
    lm = pd.DataFrame({
        "loan_id": [11, 11, 12, 12, 13, 13],
        "entity_id": [1, 1, 1, 1, 7, 7],
        "month": list(months) * 3,
        "balance": [50.0, 50.0, 30.0, 30.0, 21.0, 20.0],
        "days_past_due": [0, 0, 0, 0, 15, 0],
    })
    return loans, lm


def _flows():
    months = pd.date_range("2025-01-31", periods=12, freq="ME")
    rows = []
    for m in months:
        rows.append((2, m, 2.0 if m.month > 6 else 1.0))  # 后 6 个月翻倍
        rows.append((6, m, 1.0 if m.month % 2 else 0.0))  # 只有 6 个月有流入
    return pd.DataFrame(rows, columns=["entity_id", "month", "inflow_amount"])


def test_customer_summary_by_hand():
    e, h = _entities(), _holdings()
    loans, lm = _loans_and_monthly()
    flows = _flows()
    ext = pd.DataFrame({"entity_id": [2, 6], "court_cases": [0, 1], "public_security_flag": [False, False],
                        "max_dpd_24m": [0, 10], "other_bank_debt": [0.0, 5.0]})
    soft = pd.DataFrame({"entity_id": [2, 6], "village_reputation": ["good", "fair"], "manager_visit_score": [5, 3]})
    frames = [e, h, loans, lm, flows, ext, soft]
    before = [f.copy() for f in frames]
    s = customer_summary(e, h, loans=loans, loan_monthly=lm, account_flows=flows, external_data=ext,
                         soft_info=soft).set_index("entity_id")
    for f, b in zip(frames, before):
        pd.testing.assert_frame_equal(f, b)
    # 我行客户：banks_with_us 的 1,2,4,6,7
    assert s.index.tolist() == [1, 2, 4, 6, 7]
    assert s.loc[1, ["has_credit", "has_deposit", "has_settlement", "has_wealth"]].tolist() == [True, True, True, False]
    assert s.loc[1, "n_product_types"] == 3
    assert s.loc[1, "loan_balance"] == 80.0
    assert s.loc[1, "deposit_balance"] == 28.0  # 存款取近 12 个月日均
    assert s.loc[1, "fee_income"] == pytest.approx(0.4)
    # 贷款利率按 2025-12 余额加权：(50×5 + 30×6)/80 = 5.375
    assert s.loc[1, "loan_rate"] == pytest.approx(5.375)
    assert s.loc[7, "max_dpd_12m"] == 15
    assert s.loc[2, "loan_rate"] == 0.0
    # 开户年数：2019-12-31 → 2025-12-31 约 6 年
    assert s.loc[1, "customer_years"] == pytest.approx(6 * 365 / 365.25 + 2 / 365.25, abs=0.01)
    # 流水：主体 2 每月都有流入，后 6 个月 12、前 6 个月 6 → 趋势 +100%
    assert s.loc[2, "flow_months_12m"] == 12
    assert s.loc[2, "inflow_12m"] == pytest.approx(18.0)
    assert s.loc[2, "inflow_trend"] == pytest.approx(1.0)
    assert s.loc[6, "flow_months_12m"] == 6
    assert s.loc[4, "flow_months_12m"] == 0
    assert s.loc[6, "court_cases"] == 1
    assert s.loc[2, "manager_visit_score"] == 5
    assert s.loc[7, "wealth_balance"] == 10.0
    _all_labelled(s.reset_index(), inputs=["employees", "loan_rate", "fee_income"])
    everyone = customer_summary(e, h, only_customers=False)
    assert len(everyone) == 8


def test_customer_summary_bad_input():
    e, h = _entities(), _holdings()
    loans, lm = _loans_and_monthly()
    with pytest.raises(RuralfinValueError, match="同时给出"):
        customer_summary(e, h, loans=loans)
    with pytest.raises(RuralfinValueError, match="product_type 有不认识的取值：gold"):
        customer_summary(e, h.assign(product_type=["gold"] + h["product_type"].tolist()[1:]))
    with pytest.raises(RuralfinValueError, match="holdings 缺少列：fee_income_12m"):
        customer_summary(e, h.drop(columns="fee_income_12m"))
    with pytest.raises(RuralfinValueError, match="主键 entity_id 有 .* 行重复"):
        customer_summary(pd.concat([e, e]), h)
    with pytest.raises(RuralfinValueError, match="as_of"):
        customer_summary(e, h, as_of="去年")


def test_customer_summary_rejects_values_a_merge_would_lose():
    """issue 11：编号对不上、无穷大的余额不会再悄悄变成缺失值或 inf。"""
    e, h = _entities(), _holdings()
    loans, lm = _loans_and_monthly()
    with pytest.raises(RuralfinValueError, match="entity_id 是编号"):
        customer_summary(e.assign(entity_id=[1.0, 2, 3, 4, 5, 6, 7, np.inf]), h)
    with pytest.raises(RuralfinTypeError, match="类型不一致"):
        customer_summary(e, h.assign(entity_id=h["entity_id"].astype(str)))
    for col in ("balance", "avg_balance_12m", "fee_income_12m"):
        bad = h.copy()
        bad[col] = bad[col].astype(float)
        bad.loc[0, col] = np.inf
        with pytest.raises(RuralfinValueError, match=f"holdings 的列 {col} 有 1 个无穷大"):
            customer_summary(e, bad)
        bad.loc[0, col] = -1.0
        with pytest.raises(RuralfinValueError, match=f"holdings 的列 {col} 有 1 个值小于 0"):
            customer_summary(e, bad)
    with pytest.raises(RuralfinValueError, match="在 loans 里找不到"):
        customer_summary(e, h, loans=loans.iloc[1:], loan_monthly=lm)
    with pytest.raises(RuralfinValueError, match="contract_rate 有 1 个无穷大"):
        customer_summary(e, h, loans=loans.assign(contract_rate=[np.inf] + loans["contract_rate"].tolist()[1:]),
                         loan_monthly=lm)
    with pytest.raises(RuralfinTypeError, match="only_customers"):
        customer_summary(e, h, only_customers="yes")


def test_performing_borrowers_rejects_unknown_delinquency():
    _, lm = _loans_and_monthly()
    for value, words in [(np.nan, "days_past_due 有 1 个缺失值"), (-3, "days_past_due 有 1 个值小于 0"),
                         (np.inf, "days_past_due 有 1 个无穷大")]:
        bad = lm.assign(days_past_due=lm["days_past_due"].astype(float))
        bad.loc[bad.index[0], "days_past_due"] = value
        with pytest.raises(RuralfinValueError, match=words):
            performing_borrowers(bad)
    with pytest.raises(RuralfinValueError, match="entity_id 是编号"):
        performing_borrowers(lm.assign(entity_id=lm["entity_id"].astype(float).where(lm.index != 0, np.inf)))
    with pytest.raises(RuralfinValueError, match="months"):
        performing_borrowers(lm, months=10**6)



# --------------------------------------------------------------------------- 上下游


def test_performing_borrowers_window():
    _, lm = _loans_and_monthly()
    p = performing_borrowers(lm).set_index("entity_id")
    assert p.loc[1, "n_loans"] == 2 and p.loc[1, "balance"] == 80.0
    assert bool(p.loc[1, "is_performing"]) and not bool(p.loc[7, "is_performing"])
    # 只看最后 1 个月：主体 7 已不逾期
    assert bool(performing_borrowers(lm, months=1).set_index("entity_id").loc[7, "is_performing"])
    assert bool(performing_borrowers(lm, max_dpd=30).set_index("entity_id").loc[7, "is_performing"])
    _all_labelled(p.reset_index())
    with pytest.raises(RuralfinValueError, match="没有记录"):
        performing_borrowers(lm, as_of="2020-01-31")
    with pytest.raises(RuralfinValueError, match="months"):
        performing_borrowers(lm, months=0)


def test_performing_borrowers_window_counts_calendar_months():
    # 2025-09-30 往回 6 个月是 4–9 月；按日期减 6 个月（3-30）会把 3-31 也算进来，多看一个月
    months = pd.date_range("2025-03-31", periods=7, freq="ME")
    lm = pd.DataFrame({"loan_id": 1, "entity_id": 1, "month": months, "balance": 10.0,
                       "days_past_due": [40, 0, 0, 0, 0, 0, 0]})
    assert bool(performing_borrowers(lm, months=6).loc[0, "is_performing"])
    # 只写月份的 as_of 取该月月末
    p = performing_borrowers(lm, as_of="2025-08", months=6)
    assert p.loc[0, "balance"] == 10.0 and not bool(p.loc[0, "is_performing"])


def _supply_chain():
    return pd.DataFrame({
        "entity_id": [1, 2, 4, 1, 7, 3, 6],
        "counterparty_key": ["E5", "E5", "E5", "M1", "M1", "P1", "E8"],
        "counterparty_entity_id": pd.array([5, 5, 5, None, None, None, 8], dtype="Int32"),
        "counterparty_name": ["示例主体5", "示例主体5", "示例主体5", "某批发市场", "某批发市场", "某平台", "示例主体8"],
        "counterparty_type": ["local_business"] * 3 + ["wholesale_market"] * 2 + ["ecommerce_platform", "local_business"],
        "direction": ["upstream", "upstream", "downstream", "downstream", "downstream", "downstream", "upstream"],
        "share": [0.4, 0.3, 0.5, 0.6, 0.2, 0.9, 0.5],
        "relationship_years": [6, 4, 2, 12, 8, 1, 3],
        "counterparty_banks_with_us": [False, False, False, False, False, False, True],
    })


def test_supply_chain_prospects_score_by_hand():
    sc = _supply_chain()
    before = sc.copy()
    p = supply_chain_prospects(sc, [1, 2, 4, 7], entities=_entities())
    pd.testing.assert_frame_equal(sc, before)
    # 主体 3 不是优质客户 → P1 不出现；E8 已是我行客户 → 排除
    assert p["counterparty_key"].tolist() == ["E5", "M1"]
    e5 = p.iloc[0]
    # E5：3 个优质客户 → 50×3/5 = 30；份额 0.4+0.3+0.5=1.2 → 封顶 30；平均年限 4 年 → 20×0.4 = 8；共 68
    assert e5["n_links"] == 3
    assert e5["n_as_supplier"] == 2 and e5["n_as_buyer"] == 1
    assert e5["total_trade_share"] == pytest.approx(1.2)
    assert e5["prospect_score"] == pytest.approx(68.0)
    assert e5["township"] == "稻香镇" and e5["customer_group"] == "individual_business"
    # M1：2/5×50 + 0.8×30 + min(10/10,1)×20 = 20 + 24 + 20 = 64
    assert p.iloc[1]["prospect_score"] == pytest.approx(64.0)
    assert p["counterparty_entity_id"].dtype == "Int32"  # 可空整数类型保留
    assert p["rank"].tolist() == [1, 2]
    _all_labelled(p)
    # 改权重：只看份额
    p2 = supply_chain_prospects(sc, [1, 2, 4, 7], weights={"links": 0, "years": 0})
    p3 = supply_chain_prospects(sc, [1, 2, 4, 7], links_cap=3)
    assert p3.loc[0, "prospect_score"] == pytest.approx(50 + 30 + 8)
    assert p2.set_index("counterparty_key")["prospect_score"].to_dict() == pytest.approx({"E5": 30.0, "M1": 24.0})


def test_supply_chain_prospects_bad_input():
    sc = _supply_chain()
    with pytest.raises(RuralfinValueError, match="good_customers 是空的"):
        supply_chain_prospects(sc, [])
    with pytest.raises(RuralfinTypeError, match="good_customers"):
        supply_chain_prospects(sc, 5)
    with pytest.raises(RuralfinValueError, match="weights 不认识的键：trust"):
        supply_chain_prospects(sc, [1], weights={"trust": 1})
    with pytest.raises(RuralfinValueError, match="supply_chain 缺少列：share"):
        supply_chain_prospects(sc.drop(columns="share"), [1])


def test_supply_chain_prospects_rejects_bad_shares_and_mismatched_ids():
    sc = _supply_chain()
    for value, words in [(np.inf, "share 有 1 个无穷大"), (np.nan, "share 有 1 个缺失值"), (1.5, "share 有 1 个值大于 1")]:
        with pytest.raises(RuralfinValueError, match=words):
            supply_chain_prospects(sc.assign(share=[value] + sc["share"].tolist()[1:]), [1, 2])
    # 优质客户名单写成文字编号：一个也对不上，不能悄悄返回空表
    with pytest.raises(RuralfinTypeError, match="类型不一致"):
        supply_chain_prospects(sc, ["1", "2"])
    with pytest.raises(RuralfinValueError, match="counterparty_key 是编号"):
        supply_chain_prospects(sc.assign(counterparty_key=[None] + sc["counterparty_key"].tolist()[1:]), [1])



# --------------------------------------------------------------------------- 存量挖掘


def _prospect_pool():
    return pd.DataFrame({
        "entity_id": [1, 2, 3, 4, 5],
        "township": ["青禾镇", "稻香镇", "青禾镇", "青禾镇", "稻香镇"],
        "industry": ["catering", "catering", "agri_production", "catering", "catering"],
        "customer_group": ["individual_business"] * 5,
        "has_credit": [False, False, False, True, False],
        "has_deposit": [True, True, False, True, True],
        "has_settlement": [True, False, True, True, False],
        "deposit_balance": [6.0, 20.0, 0.0, 50.0, 9.0],
        "flow_months_12m": [12, 4, 11, 12, 12],
        "inflow_trend": [0.1, -0.2, np.nan, 0.3, 0.0],
        "customer_years": [3.0, 0.5, 2.5, 8.0, 4.0],
        "years_in_business": [6, 2, 3, 10, 5],
        "manager_visit_score": pd.array([4, None, 5, 5, 2], dtype="Int8"),
        "public_security_flag": [False, False, False, False, False],
        "court_cases": [0, 0, 0, 0, 1],
        "max_dpd_24m": pd.array([0, 0, None, 0, 0], dtype="Int16"),
    })


def test_existing_customer_prospects_by_hand():
    pool = _prospect_pool()
    before = pool.copy()
    p = existing_customer_prospects(pool)
    pd.testing.assert_frame_equal(pool, before)
    # 主体 4 有贷款、主体 5 涉诉被排除
    assert p["entity_id"].tolist() == [1, 3, 2]
    s = p.set_index("entity_id")
    # 1：存款 25 + 流水 20 + 趋势 10 + 开户 10 + 经营 15 + 结算 10 + 走访 10 = 100
    assert s.loc[1, "prospect_score"] == 100.0
    # 3：流水 20 + 开户 10 + 经营 15 + 结算 10 + 走访 10 = 65（趋势缺失不得分）
    assert s.loc[3, "prospect_score"] == 65.0
    # 2：存款 25，其余不满足；走访缺失不得分
    assert s.loc[2, "prospect_score"] == 25.0
    assert s.loc[2, "score_reasons"] == "存款近 12 个月日均不少于 5 万元"
    assert (p["max_points"] == 100.0).all()
    assert p["rank"].tolist() == [1, 2, 3]
    _all_labelled(p)


def test_existing_customer_prospects_edited_rules_and_missing_columns():
    pool = _prospect_pool()
    rules = prospect_rules()
    rules.loc[rules["rule"] == "deposit", "rule_threshold"] = 25.0  # 提高存款门槛
    p = existing_customer_prospects(pool, rules=rules).set_index("entity_id")
    assert p.loc[2, "prospect_score"] == 0.0
    assert p.loc[1, "prospect_score"] == 75.0
    assert len(existing_customer_prospects(pool, min_score=70)) == 1
    with pytest.warns(RuralfinWarning, match="manager_visit_score"):
        q = existing_customer_prospects(pool.drop(columns="manager_visit_score"))
    assert (q["max_points"] == 90.0).all()
    bad = prospect_rules()
    bad.loc[0, "rule_op"] = "≥"
    with pytest.raises(RuralfinValueError, match="rule_op '≥' 不认识"):
        existing_customer_prospects(pool, rules=bad)
    with pytest.raises(RuralfinValueError, match="customers 缺少列 has_credit"):
        existing_customer_prospects(pool.drop(columns="has_credit"))


def test_rule_on_ordered_category_and_unknown_threshold():
    pool = _prospect_pool().assign(village_reputation=pd.Categorical(
        ["good", "poor", "fair", "good", "good"], categories=["poor", "fair", "good"], ordered=True))
    rules = pd.concat([prospect_rules(), pd.DataFrame([{
        "rule": "reputation", "rule_column": "village_reputation", "rule_op": ">=", "rule_threshold": "fair",
        "rule_points": 5.0, "rule_type": "score", "rule_text": "村里口碑不差"}])], ignore_index=True)
    s = existing_customer_prospects(pool, rules=rules).set_index("entity_id")
    assert s.loc[3, "prospect_score"] == 70.0 and s.loc[2, "prospect_score"] == 25.0
    assert s.loc[3, "score_reasons"].endswith("村里口碑不差")
    rules.loc[len(rules) - 1, "rule_threshold"] = "excellent"
    with pytest.raises(RuralfinValueError, match="阈值 'excellent' 不是列 village_reputation 的取值"):
        existing_customer_prospects(pool, rules=rules)


def test_existing_customer_prospects_missing_means_not_met_but_bad_numbers_raise():
    pool = _prospect_pool()
    # 缺失 = 不满足（文档里的逐行约定）：主体 1 的存款缺失就拿不到存款的 25 分，缺失值原样保留
    pool.loc[0, "deposit_balance"] = np.nan
    s = existing_customer_prospects(pool).set_index("entity_id")
    assert s.loc[1, "prospect_score"] == 75.0 and np.isnan(s.loc[1, "deposit_balance"])
    with pytest.raises(RuralfinValueError, match="deposit_balance 有 1 个无穷大"):
        existing_customer_prospects(_prospect_pool().assign(deposit_balance=[np.inf, 20.0, 0.0, 50.0, 9.0]))
    with pytest.raises(RuralfinValueError, match="entity_id 是编号"):
        existing_customer_prospects(_prospect_pool().assign(entity_id=[1.0, np.nan, 3, 4, 5]))
    for thr in (np.nan, np.inf, None):
        rules = prospect_rules()
        rules["rule_threshold"] = rules["rule_threshold"].astype(object)
        rules.loc[0, "rule_threshold"] = thr
        with pytest.raises(RuralfinValueError, match="rule_threshold 应为有限的数"):
            existing_customer_prospects(_prospect_pool(), rules=rules)
    rules = prospect_rules()
    rules.loc[0, "rule_points"] = np.nan
    with pytest.raises(RuralfinValueError, match="rule_points 有 1 个缺失值"):
        existing_customer_prospects(_prospect_pool(), rules=rules)


def test_age_band_rejects_missing_and_impossible_ages():
    e = _entities()
    for value, words in [(np.nan, "operator_age 有 1 个缺失值"), (-5, "operator_age 有 1 个值小于 0"),
                         (np.inf, "operator_age 有 1 个无穷大"), (1e6, "operator_age 有 1 个值大于 120")]:
        with pytest.raises(RuralfinValueError, match=words):
            add_age_band(e.assign(operator_age=[value] + e["operator_age"].tolist()[1:]))
    with pytest.raises(RuralfinTypeError, match="bins"):
        add_age_band(e, bins=30)
    with pytest.raises(RuralfinTypeError, match="out"):
        add_age_band(e, out=123)


def test_target_list_rejects_unrankable_scores_and_non_bool_order():
    pool = _prospect_pool().assign(prospect_score=[60.0, 90.0, 75.0, 10.0, 20.0])
    for value in (np.nan, np.inf):
        bad = pool.assign(prospect_score=[value, 90.0, 75.0, 10.0, 20.0])
        with pytest.raises(RuralfinValueError, match="prospect_score"):
            target_list(bad)
        with pytest.raises(RuralfinValueError, match="prospect_score"):
            target_list(bad, sort_by="entity_id", min_score=50)
    for value in ("yes", None, 1):
        with pytest.raises(RuralfinTypeError, match="ascending"):
            target_list(pool, ascending=value)
    # 文字列排序不受影响
    assert target_list(pool, sort_by="township", ascending=True)["township"].tolist()[0] == "稻香镇"


def test_rules_never_use_truth_columns():
    assert not prospect_rules()["rule_column"].str.startswith("truth").any()
    _all_labelled(prospect_rules())


# --------------------------------------------------------------------------- 产品组合与清单


def test_product_bundles_by_hand():
    c = pd.DataFrame({
        "customer_group": ["coop"] * 4 + ["farmer_household"] * 2,
        "has_credit": [True, True, False, False, True, False],
        "has_deposit": [True, True, True, True, True, True],
        "has_wealth": [False, False, False, True, False, False],
        "has_settlement": [True, True, True, False, False, False],
        "has_insurance": [True, False, False, False, True, True],
    })
    b = product_bundles(c).set_index("customer_group")
    assert b.loc["coop", "n_customers"] == 4
    assert b.loc["coop", ["share_credit", "share_deposit", "share_wealth", "share_settlement",
                          "share_insurance"]].tolist() == pytest.approx([0.5, 1.0, 0.25, 0.75, 0.25])
    # coop：理财 0.25 与保险 0.25 都低于 0.5，持有率相同按大类顺序
    assert b.loc["coop", "suggested_bundle"] == "贷款 + 理财 + 保险"
    # 农户：理财 0、结算 0 → 贷款 + 理财 + 支付结算（保险 1.0 已饱和）
    assert b.loc["farmer_household", "suggested_bundle"] == "贷款 + 理财 + 支付结算"
    assert product_bundles(c, gap_threshold=0.2).loc[0, "suggested_bundle"] == "贷款"
    _all_labelled(b.reset_index())
    with pytest.raises(RuralfinValueError, match="families 不认识取值 'loans'"):
        product_bundles(c, families=["loans"])
    with pytest.raises(RuralfinValueError, match="has_consumer_credit"):
        product_bundles(c, families=["credit", "consumer_credit"])


def test_target_list_filters_sorts_and_exports(tmp_path):
    import warnings as w

    with w.catch_warnings():
        w.simplefilter("ignore", RuralfinWarning)
        p = existing_customer_prospects(_prospect_pool())
    t = target_list(p, township="青禾镇")
    assert t["entity_id"].tolist() == [1, 3]
    assert t["rank"].tolist() == [1, 2]
    assert target_list(p, industry=["catering"], top=1)["entity_id"].tolist() == [1]
    assert target_list(p, min_score=50)["entity_id"].tolist() == [1, 3]
    assert target_list(p, sort_by="entity_id", ascending=True)["entity_id"].tolist() == [1, 2, 3]
    short = target_list(p, columns=["entity_id", "township", "prospect_score"])
    assert short.columns.tolist() == ["rank", "entity_id", "township", "prospect_score"]
    with pytest.raises(RuralfinValueError, match="township 不认识取值 '青禾'.*青禾镇"):
        target_list(p, township="青禾")
    with pytest.raises(RuralfinValueError, match="top"):
        target_list(p, top=0)
    with_phone = short.assign(operator_phone=["10012345678", "10087654321", "10011112222"])
    out2 = export_target_list(with_phone, tmp_path / "带电话.xlsx")
    phones = pd.read_excel(out2, dtype=str).iloc[:, -1].tolist()
    assert all("10012345678" != p and "*" in p for p in phones), phones  # 手机号被遮蔽
    out = export_target_list(short, tmp_path / "清单.xlsx")
    back = pd.read_excel(out)
    assert back.columns.tolist()[0] == "名次"
    assert "潜在客户得分（分）" in back.columns
    assert len(back) == 3
    with pytest.raises(RuralfinValueError, match=r"\.xlsx"):
        export_target_list(short, tmp_path / "清单.csv")
    with pytest.raises(RuralfinValueError, match="目录 .* 不存在"):
        export_target_list(short, tmp_path / "nope" / "清单.xlsx")


def test_plot_market_share_axes():
    import matplotlib.pyplot as plt

    fig, ax0 = plt.subplots()
    ax = plot_market_share(market_share(_entities()), ax=ax0)
    assert ax is ax0
    # 3 个客群 × 3 家机构（ours、peer_a、peer_b）
    assert len(ax.patches) == 9
    assert ax.get_legend().get_texts()[0].get_text() == "示范县农商银行（我行）"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["农村合作社", "个体工商户", "三农个体户（农户）"]
    widths = [p.get_width() for p in ax.patches[:3]]  # 我行一列
    assert widths == pytest.approx([1 / 3, 1 / 3, 1 / 2])
    with pytest.raises(RuralfinValueError, match="shares 缺少列"):
        plot_market_share(_entities())


# --------------------------------------------------------------------------- 示范县（数据就绪时）


def test_county_penetration_equals_direct_pandas(county):
    e = county["entities"]
    pen = penetration(e, by="township").set_index("township")
    direct = e.groupby("township", observed=True)["banks_with_us"].mean()
    assert pen["penetration"].to_dict() == pytest.approx(direct.to_dict())
    assert pen["n_entities"].sum() == len(e)
    ours = (e["main_bank"].astype(str) == "ours").groupby(e["customer_group"], observed=True).mean()
    prof = group_profile(e).set_index("customer_group")
    assert penetration(e).set_index("customer_group")["main_bank_share"].to_dict() == pytest.approx(ours.to_dict())
    assert prof["n_entities"].sum() == len(e)
    shares = market_share(e).groupby("customer_group", observed=True)["institution_share"].sum()
    assert shares.to_numpy() == pytest.approx(np.ones(len(shares)))


def test_county_customer_summary_and_prospects(county):
    e, h = county["entities"], county["holdings"]
    s = customer_summary(e, h, loans=county["loans"], loan_monthly=county["loan_monthly"],
                         account_flows=county["account_flows"], external_data=county["external_data"],
                         soft_info=county["soft_info"])
    credit = h[h["product_type"].astype(str).isin(["business_loan", "farmer_loan", "startup_guarantee_loan",
                                                     "student_loan"])]
    assert s["loan_balance"].sum() == pytest.approx(credit["balance"].sum())
    assert s["entity_id"].is_unique
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuralfinWarning)  # 示范县应有规则用到的全部列
        p = existing_customer_prospects(s)
    assert len(p) > 0 and not p["has_credit"].any()
    assert not any(c.startswith("truth") for c in p.columns)
    good = performing_borrowers(county["loan_monthly"]).query("is_performing")["entity_id"]
    sc = supply_chain_prospects(county["supply_chain"], good, entities=e)
    already = set(county["supply_chain"].loc[county["supply_chain"]["counterparty_banks_with_us"], "counterparty_key"])
    assert not set(sc["counterparty_key"]) & already
    assert sc["prospect_score"].is_monotonic_decreasing
    b = product_bundles(s)
    assert set(b["customer_group"]) <= set(e["customer_group"].astype(str))


def test_export_target_list_never_overwrites(tmp_path):
    import pandas as pd

    from ruralfin.errors import RuralfinValueError
    from ruralfin.segments import export_target_list

    path = tmp_path / "走访清单.xlsx"
    path.write_bytes(b"learner's own file")
    t = pd.DataFrame({"rank": [1], "entity_id": [7]})
    with pytest.raises(RuralfinValueError, match="已存在"):
        export_target_list(t, path)
    assert path.read_bytes() == b"learner's own file"
    assert export_target_list(t, path, overwrite=True) == path
    assert pd.read_excel(path).columns.tolist() == ["名次", "主体编号"]
