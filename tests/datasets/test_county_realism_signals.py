"""示范县的“信号”像真的一样（issue #12）：行为比申请资料更能预测、睡眠与季节性账户、存款持有不是 100%、
双向虚报、嘈杂的软信息、交叉验证来源大体一致、行业季节性。每个目标的依据写在断言信息里（多为教学假设）。"""

import numpy as np
import pandas as pd
import pytest

import ruralfin as rf
from ruralfin.risk.crosscheck import crosscheck_revenue, flag_metrics

A_CANDIDATES = ["requested_amount", "requested_term_months", "purpose", "channel", "reported_revenue", "existing_debt",
                "operator_age", "years_in_business", "credit_inquiries_6m", "max_dpd_24m", "owns_house", "household_size",
                "manager_visit_score", "deposit_avg_6m", "flow_trend_6m", "social_security_months", "typing_speed",
                "application_weekday", "application_hour"]


def _a_card_auc(county):
    """第 43 课的 A 卡：IV 在 0.02–0.5 之间、WoE 相关不超过 0.6 的特征，验证样本 AUC。"""
    apps = county["applications"]
    known = apps["bad_12m"].notna()
    dev, val = apps[(apps["sample"] == "development") & known], apps[(apps["sample"] == "validation") & known]
    binner = rf.risk.WoEBinner().fit(dev[A_CANDIDATES], dev["bad_12m"].astype(int))
    iv = binner.iv_table()
    kept = iv.loc[iv["iv"].between(0.02, 0.5), "feature"].tolist()
    corr = pd.DataFrame(binner.transform(dev[A_CANDIDATES]), columns=binner.features_, index=dev.index)[kept].corr()
    selected = []
    for f in kept:
        if all(abs(corr.loc[f, g]) <= 0.6 for g in selected):
            selected.append(f)
    card = rf.risk.Scorecard(rf.risk.WoEBinner(), decimals=0).fit(dev[selected], dev["bad_12m"].astype(int))
    return rf.risk.metrics.auc(val["bad_12m"].astype(int), card.predict_points(val[selected]), higher_is_safer=True)


def _b_card_auc(county):
    """第 43 课的 B 卡：2024-06 开发、2024-12 跨时间验证，IV ≥ 0.02 的行为特征（还款表现 IV 高于 0.5 也留下）。"""
    flows, lm = county["account_flows"], county["loan_monthly"]
    dev = rf.risk.behavior.behavior_sample(flows, lm, "2024-06", horizon=12, bad_dpd=90)
    oot = rf.risk.behavior.behavior_sample(flows, lm, "2024-12", horizon=12, bad_dpd=90)
    iv = rf.risk.WoEBinner().fit(dev[rf.risk.behavior.BEHAVIOR_FEATURES], dev["bad_future"]).iv_table()
    feats = iv.loc[iv["iv"] >= 0.02, "feature"].tolist()
    with _no_check():
        card = rf.risk.Scorecard(rf.risk.WoEBinner(), decimals=0).fit(dev[feats], dev["bad_future"])
    return rf.risk.metrics.auc(oot["bad_future"], card.predict_points(oot[feats]), higher_is_safer=True)


class _no_check:
    def __enter__(self):
        import warnings
        self._w = warnings.catch_warnings()
        self._w.__enter__()
        warnings.simplefilter("ignore")

    def __exit__(self, *exc):
        return self._w.__exit__(*exc)


def test_behaviour_card_beats_application_card(county):
    a, b = _a_card_auc(county), _b_card_auc(county)
    # 教学假设（业内常识：对存量借款人，行为评分比申请评分更准）：B 卡 AUC 高于 A 卡，且都不接近完美
    assert b > a, f"B 卡 AUC {b:.3f} 应高于 A 卡 {a:.3f}（教学假设：行为数据对存量客户更有预测力）"
    assert 0.65 < a < 0.80, f"A 卡 AUC {a:.3f} 应在 0.65–0.80（教学假设）"
    assert 0.72 < b < 0.88, f"B 卡 AUC {b:.3f} 应在 0.72–0.88（教学假设：有信息但不是一看就准）"


def test_dormant_and_seasonal_accounts(county):
    fl = county["account_flows"]
    y25 = fl[fl["month"].dt.year == 2025]
    silent = (y25.groupby("entity_id")["inflow_count"].apply(lambda s: (s == 0).sum()) >= 6).mean()
    assert 0.02 < silent < 0.25, f"2025 年半年以上没有流入的客户占 {silent:.1%}（教学假设：2%–25% 的睡眠户）"
    ent = county["entities"][["entity_id", "sub_industry"]]
    grain = y25.merge(ent, on="entity_id").query("sub_industry == 'grain_crops'")
    by_month = grain.groupby(grain["month"].dt.month)["inflow_amount"].sum()
    assert by_month[10] > 4 * by_month[3], "种粮户的收款集中在秋收（教学假设：收款月份比销售更集中）"
    active = grain.groupby(grain["month"].dt.month)["inflow_count"].apply(lambda s: (s > 0).mean())
    assert active[3] < 0.8 < active[10], "种粮户淡季多数月份没有收款、秋收月份多数有（教学假设）"


def test_deposit_holding_is_not_universal(county):
    h, e = county["holdings"], county["entities"]
    customers = county["account_flows"]["entity_id"].unique()
    dep = h.loc[h["product_type"].astype(str).str.startswith("deposit"), "entity_id"].unique()
    share = e[e["entity_id"].isin(customers)].assign(dep=lambda d: d["entity_id"].isin(dep)).groupby(
        "customer_group", observed=True)["dep"].mean()
    # 教学假设：靠贷款进来的农户、个体户不少只开还款账户；企业、合作社多在贷款行开结算户
    assert (share < 0.99).all(), f"每个客群都应有不持有存款产品的客户：{share.round(3).to_dict()}"
    assert (share > 0.8).all(), f"多数客户仍持有存款产品：{share.round(3).to_dict()}"
    assert share["farmer_household"] < share["coop"], "农户的存款持有率低于合作社（教学假设）"


def test_misreporting_goes_both_ways(county):
    t = county["truth_entities"]
    mis = t[t["truth_is_misreporter"]]
    under = (mis["truth_misreport_ratio"] < 1).mean()
    assert 0.1 < under < 0.4, f"虚报者里报低的占 {under:.1%}（教学假设：少数为少缴税而少报）"
    assert (mis.loc[mis["truth_misreport_ratio"] < 1, "truth_misreport_ratio"] < 0.85).all()
    out = crosscheck_revenue(county["entities"], flows=county["account_flows"], settlement=county["settlement"],
                             utilities=county["utilities"], coefficients=county["industry_coefficients"],
                             tax_records=county["tax_records"], tolerance=0.3, direction="both")
    chk = out[out["checkable"]].merge(t[["entity_id", "truth_misreport_ratio", "truth_is_misreporter"]], on="entity_id")
    low = chk[chk["truth_is_misreporter"] & (chk["truth_misreport_ratio"] < 1)]
    found_low = (low["flag"] & (low["verified_ratio"] < 1)).mean()
    assert found_low > 0.4, f"双向核对找出 {found_low:.1%} 的少报者（教学假设：多数能被水电、流水发现）"


def test_soft_information_is_informative_but_noisy(county):
    m = county["soft_info"][["entity_id", "village_reputation"]].merge(
        county["truth_entities"][["entity_id", "truth_is_misreporter"]], on="entity_id")
    rate = m.groupby("village_reputation", observed=True)["truth_is_misreporter"].mean()
    # 教学假设：口碑“差” → 约 35–50% 虚报，“很好” → 约 3–12%（有信息，但远非确定）
    assert 0.3 < rate["poor"] < 0.55, f"口碑差的虚报比例 {rate['poor']:.1%}"
    assert 0.03 < rate["excellent"] < 0.12, f"口碑很好的虚报比例 {rate['excellent']:.1%}"
    assert rate["poor"] > 3 * rate["excellent"]


def test_crosscheck_sources_agree_for_truthful_reporters(county):
    out = crosscheck_revenue(county["entities"], flows=county["account_flows"], settlement=county["settlement"],
                             utilities=county["utilities"], coefficients=county["industry_coefficients"],
                             tax_records=county["tax_records"], tolerance=0.3)
    t = county["truth_entities"][["entity_id", "truth_is_misreporter", "truth_revenue"]]
    honest = out[out["checkable"]].merge(t, on="entity_id").query("~truth_is_misreporter")
    verified = honest["verified_revenue"] / honest["truth_revenue"]
    within = ((verified - 1).abs() < 0.25).mean()
    # 教学假设：如实申报者的核实收入多数在真实收入 ±25% 内，但有一小部分真正的离群
    assert within > 0.75, f"如实申报者核实收入在 ±25% 内的比例 {within:.1%}"
    assert 0.02 < ((verified - 1).abs() > 0.5).mean() < 0.15, "应有少量（2–15%）真正的离群"
    for col in ("electricity_revenue", "water_revenue"):
        r = (honest[col] / honest["truth_revenue"]).replace(0, np.nan).dropna()
        assert ((r - 1).abs() < 0.25).mean() > 0.65, f"{col} 对如实申报者多数在 ±25% 内（教学假设）"


def test_seasonality_as_industries_show_it(county):
    s = county["sales_monthly"].merge(county["entities"][["entity_id", "sub_industry"]], on="entity_id")
    by = s.groupby(["sub_industry", s["month"].dt.month], observed=True)["sales_amount"].sum().unstack()
    by = by.div(by.mean(axis=1), axis=0)
    inputs = by.loc["agri_inputs"]
    # 农资：春耕（3–4 月）与秋种（9–10 月）两个备货高峰（常识；教学假设的幅度）
    assert inputs[[3, 4]].min() > 1.5 and inputs[[9, 10]].min() > 1.3
    assert inputs[[3, 4, 9, 10]].min() > inputs[[1, 6, 7, 8, 11, 12]].max()
    # 餐饮：春节所在的 1–2 月最旺
    rest = by.loc["restaurant"]
    assert rest[[1, 2]].max() == rest.max()
    # 粮食：夏收、秋收
    assert by.loc["grain_crops"][[6, 10]].min() > 2 * by.loc["grain_crops"][[1, 2, 3]].max()
