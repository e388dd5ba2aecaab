"""示范县的信贷一侧是否“像真的”（issue 12）：笔均、LPR 定价、存量、五级分类、核销、续贷、诚实的结局。

每个测试的断言信息里写着基准及其来源（FACTS.md / FACTS-ADDENDUM.md / COMPLIANCE.md），没有公开基准的写“教学假设”。
测试用会话夹具 ``county``（内存里重新生成的默认示范县）。
"""

import numpy as np
import pandas as pd
import pytest

import ruralfin as rf

YEAR_ENDS = ["2023-12-31", "2024-12-31", "2025-12-31"]


@pytest.fixture(scope="module")
def loans(county):
    groups = county["entities"][["entity_id", "customer_group"]]
    return county["loans"].merge(groups, on="entity_id", how="left")


@pytest.fixture(scope="module")
def graded(county):
    return rf.risk.classification.classify_loans(county["loan_monthly"], restructured="is_restructured", period="month")


@pytest.fixture(scope="module")
def observed(county):
    """已观察满 12 个月的获批申请（bad_12m 有值），带真实违约概率与客群。"""
    a = county["applications"]
    a = a[a["bad_12m"].notna()].merge(county["truth_applications"], on="application_id")
    return a.merge(county["entities"][["entity_id", "customer_group"]], on="entity_id")


def _month_number(dates):
    months = pd.to_datetime(dates).dt.to_period("M")
    return np.array([(m - pd.Period("2023-01", "M")).n for m in months])


# ---------------------------------------------------------------- 1. 笔均
def test_loan_sizes_by_group_match_public_figures(loans):
    mean = loans.groupby("customer_group", observed=True)["loan_amount"].mean()
    farmer = loans.loc[loans["customer_group"] == "farmer_household", "loan_amount"]
    # 农户：几万到 30 万元，信用户授信 10–30 万元、邮储小额贷款笔均 10 万余元 [V]（FACTS-ADDENDUM §A.1）
    assert 6 <= mean["farmer_household"] <= 20, mean["farmer_household"]
    assert (farmer <= 30).mean() >= 0.9, (farmer <= 30).mean()
    assert farmer.median() >= 3, farmer.median()
    # 个体工商户、小微企业：向泰隆笔均约 50 万元 [S] 靠拢（FACTS-ADDENDUM §A.1）；原来 15 万、137 万
    assert 20 <= mean["individual_business"] <= 60, mean["individual_business"]
    assert 40 <= mean["rural_micro"] <= 120, mean["rural_micro"]
    # 合作社、新型农业经营主体：介于农户与小微企业之间（教学假设）
    assert mean["farmer_household"] < mean["new_agri_org"] < mean["rural_micro"], mean
    assert mean["farmer_household"] < mean["coop"] <= 120, mean


# ---------------------------------------------------------------- 2. LPR 定价
def test_lpr_path_matches_the_verified_points():
    from ruralfin.datasets._generator.common import lpr

    # FACTS §1.4 与 FACTS-ADDENDUM 的更正：2022-09 3.65%，2024-07-22 前 3.45%，之后 3.35%，
    # 2024-10 起 3.10%（月份按通常记载 [U]），2025-05-20 起 3.00% [V]
    points = {"2022-09": 3.65, "2024-01": 3.45, "2024-06": 3.45, "2024-07": 3.35, "2024-10": 3.10,
              "2025-04": 3.10, "2025-05": 3.00, "2025-12": 3.00}
    for month, value in points.items():
        number = (pd.Period(month, "M") - pd.Period("2023-01", "M")).n
        assert float(lpr(number)) == pytest.approx(value), (month, float(lpr(number)), value)


def test_contract_rate_is_lpr_plus_spread_by_group_collateral_and_risk(county, loans):
    from ruralfin.datasets._generator.common import lpr

    spread = loans["contract_rate"] - lpr(_month_number(loans["origination_date"]))
    # 银行报价：LPR 加点，取到 0.05 个百分点
    assert np.allclose(np.round(loans["contract_rate"] * 20), loans["contract_rate"] * 20), "利率应取到 0.05 个百分点"
    business = loans["product_id"] != 8  # 创业担保贷款按政策利率（贴息），不在比较之列
    assert (spread[business] > 0).all(), "经营贷款合同利率应高于 LPR（LPR 加点）"
    # 担保方式：抵押 < 保证 < 信用（教学假设的加点顺序）
    by_guarantee = spread[business].groupby(loans.loc[business, "guarantee_method"], observed=True).mean()
    assert by_guarantee["mortgage"] < by_guarantee["guarantee"] < by_guarantee["credit"], by_guarantee
    # 风险：真实违约概率高的四分之一，加点高于低的四分之一（按审批评分定价，教学假设）
    pd_true = loans[["loan_id"]].merge(county["truth_loans"], on="loan_id")["truth_prob_default"]
    quartile = pd.qcut(pd_true.rank(method="first"), 4, labels=False)
    by_risk = spread.groupby(quartile.to_numpy()).mean()
    assert by_risk[3] > by_risk[0] + 0.15, by_risk
    # 客群：个体工商户（线上信用贷为主）最贵，合作社、小微企业（抵押、保证为主）最便宜（教学假设）
    by_group = spread.groupby(loans["customer_group"], observed=True).mean()
    assert by_group.idxmax() == "individual_business" and by_group.idxmin() in ("rural_micro", "coop"), by_group
    assert 4.0 <= loans["contract_rate"].mean() <= 8.0, loans["contract_rate"].mean()


def test_raroc_some_groups_clear_the_hurdle_and_some_do_not(county, observed):
    # rf.economics.PRICING_EXAMPLE（FTP 2.0%、运营 1.2%、LGD 50%、风险权重 75%、资本 10.5%、门槛 12%）是教学示意数；
    # 各客群 PD = 获批申请的实际 bad_12m 比例。基准：有的客群过门槛、有的不过，是课程要讲的差别（教学假设）
    group_pd = observed.groupby("customer_group", observed=True)["bad_12m"].apply(lambda s: s.astype(float).mean())
    book = rf.economics.loan_book(county["loans"], county["loan_monthly"], "2025-12-31", entities=county["entities"])
    book["group_pd"] = book["customer_group"].astype(str).map(group_pd.astype(float)).astype(float)
    params = {k: v for k, v in rf.economics.PRICING_EXAMPLE.items() if k != "prob_default"}
    by_group = rf.economics.raroc(book, prob_default="group_pd", by="customer_group", **params)
    assert by_group["meets_hurdle"].any() and not by_group["meets_hurdle"].all(), by_group[["customer_group", "raroc"]]
    each = rf.economics.raroc(book, prob_default="group_pd", **params)
    share = each.groupby("customer_group", observed=True)["meets_hurdle"].mean()
    assert ((share >= 0.03) & (share <= 0.97)).all(), share  # 每个客群都有一部分贷款过门槛、一部分不过
    assert share["farmer_household"] >= 0.1, share  # 原来 0%


# ---------------------------------------------------------------- 3. 期初存量
def test_stock_on_book_at_the_start_is_aged_by_repayment_method(county):
    lm, ln = county["loan_monthly"], county["loans"]
    first = lm[lm["month"] == "2023-01-31"].merge(
        ln[["loan_id", "origination_date", "loan_amount", "repayment_method", "term_months"]], on="loan_id")
    old = first["origination_date"] < "2023-01-01"
    # 2023-01 账上已有 2020–2022 年发放的存量（教学假设：存量占期初余额的大部分）
    assert first.loc[old, "balance"].sum() / first["balance"].sum() > 0.5
    assert first.loc[old, "origination_date"].min() < pd.Timestamp("2021-01-01")
    # 账龄与还款方式一致：分期还款的已经摊还了一部分，到期一次还本的（未出事的）仍是全额
    current = (first["days_past_due"] == 0) & (first["months_on_book"] < first["term_months"])  # 到期当月余额为 0
    amortising = old & current & first["repayment_method"].isin(["equal_instalment", "equal_principal"])
    assert (first.loc[amortising, "balance"] < first.loc[amortising, "loan_amount"]).mean() > 0.99
    bullet = old & current & (first["repayment_method"] == "interest_only_bullet")
    full = np.isclose(first.loc[bullet, "balance"], first.loc[bullet, "loan_amount"], rtol=1e-4)
    assert full.mean() > 0.95, full.mean()  # 例外是重组后按新计划还款的
    # 期初的 months_on_book 与放款日期一致
    age = (pd.Period("2023-01", "M") - first["origination_date"].dt.to_period("M")).apply(lambda d: d.n)
    assert (first["months_on_book"] == age).all()


# ---------------------------------------------------------------- 4. 五级分类
def test_npl_ratio_in_county_rural_bank_range_at_year_ends(county):
    lm = county["loan_monthly"]
    for d in YEAR_ENDS:
        x = lm[lm["month"] == d]
        npl = x.loc[x["days_past_due"] > 90, "balance"].sum() / x["balance"].sum()
        # 农商行不良率 2024 年末 2.8% [S]、2025 年三季度末 2.82% [S]（COMPLIANCE §12）：目标 2–4%
        assert 0.02 <= npl <= 0.04, (d, npl)


def test_special_mention_balance_above_npl_balance(graded):
    for d in YEAR_ENDS:
        x = graded[graded["month"] == d]
        special = x.loc[x["risk_grade"] == "special_mention", "balance"].sum()
        npl = x.loc[x["is_npl"], "balance"].sum()
        # 关注类（逾期 1–90 天或重组观察期内）余额高于不良余额：银行业通常的结构（教学假设）
        assert special > npl, (d, special, npl)


def test_normal_to_special_mention_migration_is_a_few_percent_a_year(graded):
    matrix = rf.risk.migration.migration_matrix(graded, weight="balance")
    monthly = matrix.loc["normal", "special_mention"]
    yearly = 1 - (1 - monthly) ** 12
    # 正常 → 关注 每年几个百分点（教学假设；原来约 16%）
    assert 0.02 <= yearly <= 0.09, yearly


def test_loss_loans_are_written_off_and_some_recovered(county, loans):
    lm = county["loan_monthly"]
    off = loans[loans["is_written_off"]]
    assert len(off) > 50
    # 核销后不再出现在月度表（closed_date 为核销月末）；账销案存：继续追偿，追回一部分（COMPLIANCE §7）
    assert off["closed_date"].notna().all()
    last_row = lm.groupby("loan_id")["month"].max()
    assert (last_row.reindex(off["loan_id"]).to_numpy() < off["closed_date"].to_numpy()).all()
    assert (off["written_off_amount"] > 0).all()
    assert (off["recovered_after_write_off"] <= off["written_off_amount"] + 1e-9).all()
    recovered = (off["recovered_after_write_off"] > 0).mean()
    assert 0.1 <= recovered <= 0.6, recovered  # 追回的比例（教学假设）
    never = loans[~loans["is_written_off"]]
    assert never["written_off_amount"].isna().all() and never["recovered_after_write_off"].isna().all()
    # 损失类不会永远挂在账上：逾期超过 360 天的最多挂一年多就处置（教学假设）
    loss_months = lm[lm["days_past_due"] > 360].groupby("loan_id").size()
    assert loss_months.max() <= 12, loss_months.max()
    assert (lm.loc[lm["month"] == "2025-12-31", "days_past_due"] > 360).mean() < 0.01


def test_restructured_flag_only_during_the_observation_period(county):
    lm = county["loan_monthly"]
    flagged = lm[lm["is_restructured"]].groupby("loan_id").size()
    # 重组观察期：自重组起 1 年（2023 年《商业银行金融资产风险分类办法》，观察期不少于 1 年）
    assert flagged.max() <= 12, flagged.max()
    assert len(flagged) > 100


# ---------------------------------------------------------------- 5. 续贷
def test_renewals_replace_performing_loans_at_maturity(county, loans):
    share = loans["is_renewal"].mean()
    # 续贷 / 无还本续贷可见（金规〔2024〕13号，FACTS §1.5）：续贷占放款笔数的比例（教学假设）
    assert 0.3 <= share <= 0.8, share
    lm = county["loan_monthly"]
    ln = loans.assign(start=_month_number(loans["origination_date"]), end=_month_number(loans["maturity_date"]))
    renewals = ln[ln["is_renewal"] & (ln["start"] >= 1)]
    previous = renewals[["entity_id", "start"]].merge(ln[["entity_id", "end", "loan_id"]], left_on=["entity_id", "start"],
                                                      right_on=["entity_id", "end"])
    # 续贷在原贷款到期当月签新合同
    assert previous["entity_id"].nunique() >= 0.95 * renewals["entity_id"].nunique()
    # 被续的原贷款到期前一个月正常还款（原贷款正常是续贷的条件）
    before = previous.assign(month=pd.PeriodIndex(pd.Period("2023-01", "M") + (previous["end"] - 1), freq="M")
                             .to_timestamp(how="end").normalize())
    checked = before.merge(lm[["loan_id", "month", "days_past_due"]], on=["loan_id", "month"])
    assert len(checked) > 100 and (checked["days_past_due"] == 0).mean() > 0.97


# ---------------------------------------------------------------- 6. 诚实的结局
def test_bad_12m_exists_only_where_twelve_months_are_observed(county):
    a = county["applications"]
    mature = a["application_date"] <= "2024-12-31"
    approved = a["decision"] == "approved"
    # 数据截止 2025-12-31：2024-12 以后的申请观察不满 12 个月，bad_12m 为空
    assert a.loc[mature & approved, "bad_12m"].notna().all()
    assert a.loc[~mature | ~approved, "bad_12m"].isna().all()


def _z(truth, realised):
    p = truth.mean()
    return (realised.astype(float).mean() - p) / np.sqrt(p * (1 - p) / len(truth))


def test_truth_pd_matches_realised_bad_rate_on_matured_applications(observed):
    # 真实违约概率与实际 bad_12m 只差抽样误差（2 个标准误以内）：全部、每个客群、第 44 课的样本（非开发样本）
    populations = {"all": observed, "non_development": observed[observed["sample"] != "development"]}
    populations.update({g: d for g, d in observed.groupby("customer_group", observed=True)})
    for name, d in populations.items():
        z = _z(d["truth_prob_default"], d["bad_12m"])
        assert abs(z) < 2, (name, d["truth_prob_default"].mean(), d["bad_12m"].astype(float).mean(), z)


def test_truth_loans_pd_matches_realised_bad_rate(county, loans):
    lm = county["loan_monthly"]
    mature = loans[(loans["origination_date"] >= "2023-01-01") & (loans["origination_date"] <= "2024-12-31")]
    rows = lm[lm["loan_id"].isin(mature["loan_id"]) & (lm["months_on_book"] <= 12)]
    bad = rows.loc[rows["days_past_due"] > 90, "loan_id"].unique()
    m = mature[["loan_id", "customer_group"]].merge(county["truth_loans"], on="loan_id")
    m["bad"] = m["loan_id"].isin(bad)
    assert abs(_z(m["truth_prob_default"], m["bad"])) < 2
    for group, d in m.groupby("customer_group", observed=True):
        assert abs(_z(d["truth_prob_default"], d["bad"])) < 2, group
