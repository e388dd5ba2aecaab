"""示范县是否“像真的”：份额、规模、违约率、强弱特征、虚报可被交叉验证发现。"""

import numpy as np
import pandas as pd
import pytest

from ruralfin.datasets import load_dataset


def _iv(x: pd.Series, y: pd.Series, bins: int = 5) -> float:
    """简单 IV：数值等频分箱、缺失单独一箱；类别按取值。"""
    df = pd.DataFrame({"x": x, "y": y.astype(float)}).dropna(subset=["y"])
    if pd.api.types.is_numeric_dtype(df["x"]) and not pd.api.types.is_bool_dtype(df["x"]):
        b = pd.qcut(df["x"].astype(float), bins, duplicates="drop").astype("str")
    else:
        b = df["x"].astype("str")
    b = b.where(df["x"].notna(), "缺失")
    g = df.groupby(b)["y"].agg(["sum", "count"])
    bad = g["sum"] + 0.5
    good = g["count"] - g["sum"] + 0.5
    pb, pg = bad / bad.sum(), good / good.sum()
    return float(((pb - pg) * np.log(pb / pg)).sum())


@pytest.fixture(scope="module")
def dev():
    a = load_dataset("applications")
    return a[a["sample"] != "recent"]


def test_group_shares_and_revenue_levels():
    e = load_dataset("entities")
    share = e["customer_group"].value_counts(normalize=True)
    assert 0.40 < share["farmer_household"] < 0.50
    assert 0.30 < share["individual_business"] < 0.42
    assert share["coop"] < 0.06
    med = e.groupby("customer_group", observed=True)["reported_revenue"].median()
    assert 5 < med["farmer_household"] < 15  # 万元
    assert med["farmer_household"] < med["individual_business"] < med["new_agri_org"] < med["coop"] < med["rural_micro"]


def test_overall_default_rate_in_band_and_weak_segments_worse(dev):
    rate = dev["bad_12m"].astype(float).mean()
    assert 0.02 < rate < 0.08
    assert dev["bad_12m"].sum() >= 250  # 评分卡开发要有足够的坏样本
    e = load_dataset("entities")[["entity_id", "sub_industry", "customer_group"]]
    risk = load_dataset("industry_risk")[["sub_industry", "industry_risk_level"]]
    m = dev.merge(e, on="entity_id").merge(risk, on="sub_industry")
    by_level = m.groupby("industry_risk_level", observed=True)["bad_12m"].apply(lambda s: s.astype(float).mean())
    assert by_level["high"] > by_level["low"]
    by_group = m.groupby("customer_group", observed=True)["bad_12m"].apply(lambda s: s.astype(float).mean())
    assert by_group["individual_business"] > by_group["new_agri_org"]


def test_npl_ratio_plausible_at_both_year_ends():
    lm = load_dataset("loan_monthly")
    for d in ["2024-12-31", "2025-12-31"]:
        x = lm[lm["month"] == d]
        npl = x.loc[x["days_past_due"] > 90, "balance"].sum() / x["balance"].sum()
        assert 0.01 < npl < 0.08, (d, npl)


def test_mix_of_strong_and_useless_predictors(dev):
    y = dev["bad_12m"]
    # 申请星期与结局无关；7 个取值、约 300 个坏样本时，纯噪声的 IV 平均就有约 6/300 ≈ 0.02，
    # 所以用 0.05（纯噪声约 95% 落在其下）而不是 0.02，否则换一次随机数就可能失败
    assert _iv(dev["application_weekday"], y) < 0.05
    assert _iv(dev["household_size"], y) < 0.02
    assert _iv(dev["manager_visit_score"], y) > 0.2
    assert _iv(dev["max_dpd_24m"], y, bins=10) > 0.15
    assert dev["manager_visit_score"].isna().mean() > 0.1
    assert dev["deposit_avg_6m"].isna().mean() > 0.1


def test_truth_probability_ranks_outcomes(dev):
    ta = load_dataset("truth_applications")
    m = dev.merge(ta, on="application_id")
    assert _iv(m["truth_prob_default"], m["bad_12m"], bins=10) > 0.3
    # 被拒的申请真实风险更高
    a = load_dataset("applications").merge(ta, on="application_id")
    p = a.groupby("decision", observed=True)["truth_prob_default"].mean()
    assert p["declined"] > 1.5 * p["approved"]


def test_recent_applicants_drift_mildly():
    a = load_dataset("applications")
    share_app = a.groupby("sample", observed=True)["channel"].apply(lambda s: (s == "mobile_app").mean())
    assert share_app["recent"] > share_app["development"] + 0.05
    assert a.loc[a["sample"] == "recent", "bad_12m"].isna().all()


def test_misreporters_exist_and_utilities_find_them_imperfectly():
    e = load_dataset("entities")[["entity_id", "sub_industry", "reported_revenue"]]
    u = load_dataset("utilities")
    coef = load_dataset("industry_coefficients")
    truth = load_dataset("truth_entities")[["entity_id", "truth_is_misreporter"]]
    kwh = u[u["month"].dt.year == 2025].groupby("entity_id")["electricity_kwh"].mean() * 12
    d = e.merge(kwh.rename("kwh"), left_on="entity_id", right_index=True).merge(coef, on="sub_industry").merge(truth, on="entity_id")
    ratio = d["reported_revenue"] / (d["kwh"] * d["revenue_per_kwh"] / 1e4)
    flag = ratio > 1.3
    tp = (flag & d["truth_is_misreporter"]).sum()
    precision, recall = tp / flag.sum(), tp / d["truth_is_misreporter"].sum()
    assert 0.1 < d["truth_is_misreporter"].mean() < 0.3
    assert 0.5 < precision < 0.98 and 0.2 < recall < 0.95


def test_seasonality_and_shocks_visible():
    s = load_dataset("sales_monthly").merge(load_dataset("entities")[["entity_id", "sub_industry"]], on="entity_id")
    by = s.groupby(["sub_industry", s["month"].dt.month], observed=True)["sales_amount"].sum().unstack()
    grain = by.loc["grain_crops"]
    assert grain[10] > 2 * grain[2]  # 秋收
    assert by.loc["agri_inputs"][3] > 2 * by.loc["agri_inputs"][12]  # 春耕备货
    im = load_dataset("industry_monthly")
    pig = im[im["sub_industry"] == "livestock"].set_index("month")["price_index"]
    assert pig["2023-12-31"] < 80 < pig["2025-12-31"]


def test_loan_book_supports_regulatory_and_vintage_analysis():
    loans = load_dataset("loans")
    lm = load_dataset("loan_monthly")
    assert loans["is_inclusive_micro"].mean() > 0.2 and loans["is_agri_related"].mean() > 0.3
    assert (loans["borrower_credit_line"] > 1000).any()
    assert loans["is_renewal"].mean() > 0.3
    vint = loans["origination_date"].dt.to_period("M").nunique()
    assert vint >= 24
    # 逾期有的回正、有的滚到 90+
    lm = lm.sort_values(["loan_id", "month"])
    nxt = lm.groupby("loan_id")["days_past_due"].shift(-1)
    m1 = lm["days_past_due"].between(1, 30) & nxt.notna()
    assert 0.3 < (nxt[m1] == 0).mean() < 0.95
    assert (lm["days_past_due"] > 360).any()
    assert lm["is_restructured"].any()
    g = load_dataset("guarantees")
    assert (g["guarantor_relation"] == "mutual").sum() > 100


# ---------------------------------------------------------------- 校准清单（data/CALIBRATION.md）
import calibration  # noqa: E402  （tests/datasets 在 sys.path 上：见 conftest）


@pytest.mark.parametrize("target", calibration.TARGETS, ids=lambda t: t.key)
def test_calibration_target_in_range(county, target):
    value = target.value(county)
    assert target.low - 1e-12 <= value <= target.high + 1e-12, (
        f"{target.title}：示范县 {target.shown(value)}，目标 {target.shown(target.low)}–{target.shown(target.high)}"
        f"（对照：{target.benchmark}，{target.source}）")


def test_calibration_page_is_current(county):
    assert calibration.PAGE.read_text(encoding="utf-8") == calibration.render(county), \
        "data/CALIBRATION.md 过期了：运行 python tests/datasets/calibration.py 重新生成"


def test_bank_book_adds_up_and_flags_follow_the_counting_rules(county):
    other = county["bank_book_monthly"]
    assert set(other["book"].astype(str)) == {"personal_housing", "personal_consumer", "corporate", "discounted_bills"}
    assert (other["npl_balance"] <= other["balance"]).all() and (other["agri_related_balance"] <= other["balance"]).all()
    assert other.groupby("month").size().eq(4).all() and other["month"].nunique() == 36
    loans, e = county["loans"], county["entities"]
    m = loans.merge(e[["entity_id", "in_urban_area", "customer_group"]], on="entity_id")
    # 农村区域的借款主体：全部贷款计入涉农（按借款主体，不看行业）
    assert m.loc[~m["in_urban_area"], "is_agri_related"].all()
    # 普惠型涉农是涉农的一部分；合作社不计入普惠型小微（示范县的假设）
    assert not (loans["is_inclusive_agri"] & ~loans["is_agri_related"]).any()
    assert not m.loc[m["customer_group"] == "coop", "is_inclusive_micro"].any()
    assert e.loc[e["in_urban_area"], "township"].eq("青禾镇").all() and e["in_urban_area"].sum() > 100
