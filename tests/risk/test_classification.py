"""贷后监测：五级分类硬约束（手算）、不良率、迁移矩阵、账龄桶、滚动率、vintage、预警。"""

import numpy as np
import pandas as pd
import pytest

from ruralfin.errors import RuralfinTypeError, RuralfinValueError
from ruralfin.risk.monitoring import (
    DPD_BUCKETS,
    GRADES,
    EarlyWarningModel,
    classify_loans,
    dpd_bucket,
    early_warning_signals,
    future_default_label,
    lead_time_summary,
    migration_matrix,
    npl_ratio,
    plot_lead_time,
    plot_migration,
    plot_roll_rates,
    plot_vintage,
    roll_forward_rates,
    roll_rate_matrix,
    vintage_table,
    warning_lead_time,
)


def _one_loan_each(dpd, **extra):
    """每笔贷款一个债务人，避免 10% 规则干扰。"""
    n = len(dpd)
    return pd.DataFrame({"loan_id": range(n), "entity_id": range(n), "days_past_due": dpd,
                         "balance": [10.0] * n, **extra})


def grades(df, **kw):
    return classify_loans(df, **kw)["risk_grade"].astype(str).tolist()


# ---------------------------------------------------------------- 逾期天数硬约束
def test_day_boundaries_exactly_as_facts():
    df = _one_loan_each([0, 1, 90, 91, 270, 271, 360, 361, 1000])
    assert grades(df) == [
        "normal", "special_mention", "special_mention", "substandard",
        "substandard", "doubtful", "doubtful", "loss", "loss",
    ]


def test_91_days_is_substandard_even_with_full_collateral():
    df = _one_loan_each([91], collateral_coverage=[3.0], guarantee_method=["mortgage"])
    out = classify_loans(df)
    assert out.loc[0, "risk_grade"] == "substandard"
    assert bool(out.loc[0, "is_npl"])
    assert out.loc[0, "grade_driver"] == "overdue"


def test_output_is_ordered_categorical_with_five_grades():
    out = classify_loans(_one_loan_each([0, 400]))
    dtype = out["risk_grade"].dtype
    assert isinstance(dtype, pd.CategoricalDtype) and dtype.ordered
    assert list(dtype.categories) == list(GRADES)
    assert (out["risk_grade"] > "special_mention").tolist() == [False, True]


# ---------------------------------------------------------------- 基础分类只会变差
def test_base_grade_can_only_be_worsened():
    df = _one_loan_each([0, 100, 0, 400], base=["doubtful", "special_mention", None, "关注"])
    out = classify_loans(df, base_grade="base")
    assert out["risk_grade"].astype(str).tolist() == ["doubtful", "substandard", "normal", "loss"]
    assert out["grade_driver"].astype(str).tolist() == ["base", "overdue", "none", "overdue"]


def test_base_grade_unknown_value_is_reported():
    df = _one_loan_each([0], base=["bad"])
    with pytest.raises(RuralfinValueError, match="base.*不认识的分类：bad"):
        classify_loans(df, base_grade="base")


# ---------------------------------------------------------------- 债务人 10% 规则
def test_borrower_more_than_10_percent_npl_makes_all_npl():
    # 借款人 A：11 万不良 / 100 万 = 11% > 10% → 全部次级
    df = pd.DataFrame({"loan_id": [1, 2, 3], "entity_id": ["A"] * 3,
                       "days_past_due": [120, 0, 0], "balance": [11.0, 50.0, 39.0]})
    out = classify_loans(df)
    assert out["risk_grade"].astype(str).tolist() == ["substandard"] * 3
    assert out["grade_driver"].astype(str).tolist() == ["overdue", "borrower_10pct", "borrower_10pct"]
    assert out["is_npl"].all()


def test_borrower_exactly_10_percent_does_not_trigger():
    # 10 / 100 = 10%，“超过 10%”才触发
    df = pd.DataFrame({"loan_id": [1, 2], "entity_id": ["A", "A"],
                       "days_past_due": [120, 0], "balance": [10.0, 90.0]})
    out = classify_loans(df)
    assert out["risk_grade"].astype(str).tolist() == ["substandard", "normal"]
    # 同样的比例换一组不能精确表示的小数
    df2 = pd.DataFrame({"loan_id": [1, 2], "entity_id": ["A", "A"],
                        "days_past_due": [120, 0], "balance": [0.3, 2.7]})
    assert grades(df2) == ["substandard", "normal"]


def test_borrower_rule_keeps_worse_grades_and_can_be_switched_off():
    df = pd.DataFrame({"loan_id": [1, 2, 3], "entity_id": ["A", "A", "B"],
                       "days_past_due": [300, 20, 0], "balance": [50.0, 50.0, 10.0]})
    out = classify_loans(df)
    assert out["risk_grade"].astype(str).tolist() == ["doubtful", "substandard", "normal"]
    assert grades(df, borrower_rule=False) == ["doubtful", "special_mention", "normal"]


def test_cross_bank_20_percent_rule():
    df = _one_loan_each([0, 0, 0], other_90=[0.20, 0.21, np.nan])
    out = classify_loans(df, cross_bank_overdue_share="other_90")
    assert out["risk_grade"].astype(str).tolist() == ["normal", "substandard", "normal"]
    assert out.loc[1, "grade_driver"] == "cross_bank_20pct"


def test_cross_bank_share_above_one_is_rejected():
    df = _one_loan_each([0], other_90=[25.0])
    with pytest.raises(RuralfinValueError, match="other_90.*0–1"):
        classify_loans(df, cross_bank_overdue_share="other_90")


# ---------------------------------------------------------------- 重组与续贷
def test_restructured_at_least_special_mention_and_floor_is_a_parameter():
    df = _one_loan_each([0, 0, 100], restr=[True, False, True])
    assert grades(df, restructured="restr") == ["special_mention", "normal", "substandard"]
    assert grades(df, restructured="restr", restructured_floor=None) == ["normal", "normal", "substandard"]


def test_qualified_renewal_stays_normal():
    df = _one_loan_each([0, 0, 0, 0], renew=[True, True, False, True], ok=[True, False, False, True],
                        restr=[True, False, False, False])
    # 合格续贷即使被标成重组也不下调；不合格续贷默认交人工，可设保守下限
    assert grades(df, restructured="restr", renewal="renew", renewal_qualified="ok") == ["normal"] * 4
    assert grades(df, renewal="renew", renewal_qualified="ok", unqualified_renewal_floor="special_mention") == [
        "normal", "special_mention", "normal", "normal"]


def test_qualified_renewal_still_obeys_overdue_floor():
    df = _one_loan_each([95], ok=[True])
    assert grades(df, renewal_qualified="ok") == ["substandard"]


# ---------------------------------------------------------------- 入口检查
def test_input_unchanged():
    df = pd.DataFrame({"loan_id": [1, 2], "entity_id": ["A", "A"], "days_past_due": [120, 0],
                       "balance": [50.0, 50.0]})
    before = df.copy()
    classify_loans(df)
    pd.testing.assert_frame_equal(df, before)


@pytest.mark.parametrize(
    "change, kwargs, err, words",
    [
        (lambda d: d.drop(columns="balance"), {}, RuralfinValueError, "缺少列：balance"),
        (lambda d: d.assign(days_past_due=[-1, 0]), {}, RuralfinValueError, "days_past_due.*负数"),
        (lambda d: d.assign(days_past_due=[np.nan, 0]), {}, RuralfinValueError, "days_past_due.*缺失"),
        (lambda d: d.assign(days_past_due=["3", "0"]), {}, RuralfinTypeError, "days_past_due"),
        (lambda d: d, {"borrower_threshold": 10}, RuralfinValueError, "borrower_threshold"),
        (lambda d: d, {"restructured_floor": "bad"}, RuralfinValueError, "restructured_floor"),
        (lambda d: d.assign(entity_id=[None, "A"]), {}, RuralfinValueError, "entity_id.*缺失"),
    ],
)
def test_bad_inputs(change, kwargs, err, words):
    df = pd.DataFrame({"loan_id": [1, 2], "entity_id": ["A", "B"], "days_past_due": [0, 0],
                       "balance": [1.0, 1.0]})
    with pytest.raises(err, match=words):
        classify_loans(change(df), **kwargs)


def test_not_a_frame():
    with pytest.raises(RuralfinTypeError, match="loans 应为 pandas DataFrame"):
        classify_loans([1, 2, 3])


# ---------------------------------------------------------------- 不良率
def test_npl_ratio_by_balance_and_count_and_group():
    book = pd.DataFrame({"risk_grade": ["normal", "substandard", "loss", "special_mention", "doubtful"],
                         "balance": [60.0, 10.0, 5.0, 20.0, 5.0], "town": ["x", "x", "y", "y", "y"]})
    one = npl_ratio(book)
    assert one.loc[0, "npl_ratio"] == pytest.approx(0.20)
    assert one.loc[0, "npl_ratio_count"] == pytest.approx(0.60)
    by = npl_ratio(book, by="town")
    assert by.loc["x", "npl_ratio"] == pytest.approx(10 / 70)
    assert by.loc["y", "n_npl"] == 2
    assert by.loc["y", "npl_ratio"] == pytest.approx(10 / 30)


def test_npl_ratio_accepts_chinese_grades():
    book = pd.DataFrame({"risk_grade": ["正常", "次级"], "balance": [3.0, 1.0]})
    assert npl_ratio(book).loc[0, "npl_ratio"] == pytest.approx(0.25)


# ---------------------------------------------------------------- 迁移矩阵
def _grade_panel():
    return pd.DataFrame({
        "loan_id": [1, 1, 1, 2, 2, 2, 3, 3, 4],
        "month": pd.to_datetime(["2024-01-31", "2024-02-29", "2024-03-31"] * 2
                                + ["2024-01-31", "2024-02-29", "2024-01-31"]),
        "risk_grade": ["normal", "special_mention", "substandard",
                       "normal", "normal", "normal",
                       "special_mention", "normal",
                       "normal"],
        "balance": [10.0, 10.0, 10.0, 30.0, 30.0, 30.0, 20.0, 20.0, 40.0],
    })


def test_migration_matrix_counts_and_balance_shares_by_hand():
    panel = _grade_panel()
    counts = migration_matrix(panel, normalize=False)
    # 1→2 月：1 N→SM，2 N→N，3 SM→N，4 N→closed；2→3 月：1 SM→SS，2 N→N，3 N→closed
    assert counts.loc["normal", "normal"] == 2
    assert counts.loc["normal", "special_mention"] == 1
    assert counts.loc["normal", "closed"] == 2
    assert counts.loc["special_mention", "normal"] == 1
    assert counts.loc["special_mention", "substandard"] == 1
    assert counts.to_numpy().sum() == 7
    shares = migration_matrix(panel, weight="balance")
    # 从正常出发的余额：10+30+40 (1 月) + 30+20 (2 月) = 130
    assert shares.loc["normal", "normal"] == pytest.approx(60 / 130)
    assert shares.loc["normal", "closed"] == pytest.approx(60 / 130)
    assert shares.loc["normal", "special_mention"] == pytest.approx(10 / 130)
    assert np.isnan(shares.loc["loss"]).all()
    feb = migration_matrix(panel, normalize=False, from_month="2024-02")
    assert feb.to_numpy().sum() == 3


def test_migration_duplicate_rows_rejected():
    panel = _grade_panel()
    dup = pd.concat([panel, panel.iloc[[0]]])
    with pytest.raises(RuralfinValueError, match="同一笔贷款.*多行"):
        migration_matrix(dup)


# ---------------------------------------------------------------- 账龄桶与滚动率
def test_dpd_buckets_boundaries():
    b = dpd_bucket(pd.Series([0, 1, 30, 31, 60, 61, 90, 91, 400], index=list("abcdefghi")))
    assert b.tolist() == ["M0", "M1", "M1", "M2", "M2", "M3", "M3", "M4+", "M4+"]
    assert list(b.index) == list("abcdefghi")
    assert list(b.cat.categories) == list(DPD_BUCKETS) and b.cat.ordered
    with pytest.raises(RuralfinValueError, match="负数"):
        dpd_bucket([-1])
    with pytest.raises(RuralfinTypeError):
        dpd_bucket(pd.DataFrame({"a": [1]}))


def _toy_dpd_panel():
    # 三个月、六笔贷款，只出现 M0/M1/M2 三个桶
    dpd = {
        "a": [0, 0, 0],
        "b": [0, 10, 40],
        "c": [0, 20, 0],
        "d": [15, 45, 50],
        "e": [25, 0, 0],
        "f": [40, 35, 10],
    }
    rows = [(k, m, v) for k, vals in dpd.items() for m, v in zip(["2024-01", "2024-02", "2024-03"], vals)]
    return pd.DataFrame(rows, columns=["loan_id", "month", "days_past_due"]).assign(balance=10.0)


def test_roll_rate_3x3_by_hand():
    m = roll_rate_matrix(_toy_dpd_panel()).loc[["M0", "M1", "M2"], ["M0", "M1", "M2"]]
    # 1→2 月：M0 a,b,c → M0,M1,M1；M1 d,e → M2,M0；M2 f → M2
    # 2→3 月：M0 a,e → M0,M0；M1 b,c → M2,M0；M2 d,f → M2,M1
    # M0 出发 5 件：M0 3，M1 2；M1 出发 4 件：M0 2，M2 2；M2 出发 3 件：M1 1，M2 2
    expected = pd.DataFrame([[3 / 5, 2 / 5, 0], [2 / 4, 0, 2 / 4], [0, 1 / 3, 2 / 3]],
                            index=["M0", "M1", "M2"], columns=["M0", "M1", "M2"])
    np.testing.assert_allclose(m.to_numpy(), expected.to_numpy())
    full = roll_rate_matrix(_toy_dpd_panel(), normalize=False)
    assert full.loc["M0"].sum() == 5 and full["closed"].sum() == 0
    assert np.isnan(roll_rate_matrix(_toy_dpd_panel()).loc["M4+"]).all()


def test_roll_forward_rates_by_month():
    r = roll_forward_rates(_toy_dpd_panel())
    assert list(r.columns) == ["M0", "M1", "M2", "M3"]
    assert r.loc["2024-01", "M0"] == pytest.approx(2 / 3)
    assert r.loc["2024-01", "M1"] == pytest.approx(1 / 2)
    assert r.loc["2024-02", "M1"] == pytest.approx(1 / 2)
    assert r.loc["2024-02", "M2"] == pytest.approx(0.0)
    assert np.isnan(r.loc["2024-01", "M3"])


def test_roll_rate_closed_column():
    panel = pd.DataFrame({"loan_id": ["a", "a", "b"], "month": ["2024-01", "2024-02", "2024-01"],
                          "days_past_due": [5, 0, 5]})
    m = roll_rate_matrix(panel)
    assert m.loc["M1", "M0"] == 0.5 and m.loc["M1", "closed"] == 0.5


# ---------------------------------------------------------------- vintage
def _vintage_panel():
    # 2024-01 批次 4 笔，2024-02 批次 2 笔；面板到 2024-04
    rows = []
    spec = {
        ("a", "2024-01"): [0, 0, 35, 95],
        ("b", "2024-01"): [0, 40, 0, 0],
        ("c", "2024-01"): [0, 0, 0, 0],
        ("d", "2024-01"): [0, 0, 0],       # 第 3 个月后结清
        ("e", "2024-02"): [0, 100, 0],
        ("f", "2024-02"): [0, 0, 0],
    }
    months = pd.period_range("2024-01", "2024-04", freq="M")
    for (loan, orig), dpds in spec.items():
        start = list(months.astype(str)).index(orig)
        for k, d in enumerate(dpds):
            rows.append((loan, months[start + k].to_timestamp(how="end").normalize(), k, d,
                         {"a": 10.0, "b": 30.0, "c": 20.0, "d": 40.0, "e": 5.0, "f": 15.0}[loan]))
    return pd.DataFrame(rows, columns=["loan_id", "month", "months_on_book", "days_past_due", "loan_amount"])


def test_vintage_30_plus_by_hand():
    tab = vintage_table(_vintage_panel())
    assert list(tab.columns) == [0, 1, 2, 3]
    assert [str(p) for p in tab.index] == ["2024-01", "2024-02"]
    np.testing.assert_allclose(tab.loc["2024-01"].to_numpy(), [0, 1 / 4, 2 / 4, 2 / 4])
    np.testing.assert_allclose(tab.loc["2024-02"].to_numpy()[:3], [0, 1 / 2, 1 / 2])
    assert np.isnan(tab.loc["2024-02", 3])


def test_vintage_90_plus_and_balance_weighted():
    tab = vintage_table(_vintage_panel(), dpd_threshold=90)
    np.testing.assert_allclose(tab.loc["2024-01"].to_numpy(), [0, 0, 0, 1 / 4])
    bal = vintage_table(_vintage_panel(), weight="balance")
    # 2024-01 批次金额 10+30+20+40 = 100；MOB1 起 b（30）曾逾期，MOB2 起再加 a（10）
    np.testing.assert_allclose(bal.loc["2024-01"].to_numpy(), [0, 0.3, 0.4, 0.4])
    long = vintage_table(_vintage_panel(), wide=False)
    assert {"cohort", "mob", "n_loans", "n_ever_bad", "ever_bad_rate"} <= set(long.columns)
    assert long.loc[(long["mob"] == 3), "n_ever_bad"].tolist() == [2]


def test_vintage_drops_cohorts_originated_before_panel():
    panel = _vintage_panel()
    old = pd.DataFrame({"loan_id": ["z"], "month": [pd.Timestamp("2024-01-31")], "months_on_book": [5],
                        "days_past_due": [0], "loan_amount": [1.0]})
    tab = vintage_table(pd.concat([panel, old], ignore_index=True))
    assert [str(p) for p in tab.index] == ["2024-01", "2024-02"]


def test_vintage_bad_inputs():
    with pytest.raises(RuralfinValueError, match="dpd_threshold"):
        vintage_table(_vintage_panel(), dpd_threshold=-5)
    with pytest.raises(RuralfinValueError, match="weight"):
        vintage_table(_vintage_panel(), weight="amount")
    with pytest.raises(RuralfinValueError, match="缺少列：months_on_book"):
        vintage_table(_vintage_panel().drop(columns="months_on_book"))
    with pytest.raises(RuralfinValueError, match="month.*月份"):
        vintage_table(_vintage_panel().assign(month="not a month"))


# ---------------------------------------------------------------- 图
def test_plots_return_axes_with_labels():
    ax = plot_vintage(vintage_table(_vintage_panel()))
    assert len(ax.get_lines()) == 2 and "账龄" in ax.get_xlabel()
    ax = plot_roll_rates(roll_rate_matrix(_toy_dpd_panel()))
    assert [t.get_text() for t in ax.get_yticklabels()] == list(DPD_BUCKETS)
    ax = plot_migration(migration_matrix(_grade_panel()))
    assert ax.get_xticklabels()[0].get_text() == "正常"
    with pytest.raises(RuralfinTypeError):
        plot_vintage([1, 2])


def test_heatmaps_have_no_grid_lines_after_set_theme():
    # whitegrid 风格的网格线会横穿热力图的格子
    import matplotlib.pyplot as plt

    from ruralfin.plotting import set_theme

    set_theme()
    assert plt.rcParams["axes.grid"]
    for ax in (plot_roll_rates(roll_rate_matrix(_toy_dpd_panel())),
               plot_migration(migration_matrix(_grade_panel()))):
        assert not any(ln.get_visible() for ln in ax.get_xgridlines() + ax.get_ygridlines())
        ax.figure.canvas.draw()
        assert not any(ln.get_visible() for ln in ax.get_xgridlines() + ax.get_ygridlines())
    plt.close("all")


# ---------------------------------------------------------------- 预警
def _ews_panel():
    months = pd.date_range("2024-01-31", periods=8, freq="ME")
    rows = []
    for e, sales in {"A": [10, 10, 10, 10, 10, 5, 5, 5], "B": [10] * 8}.items():
        for m, s in zip(months, sales):
            rows.append((e, m, float(s), 100.0 if e == "B" or m < months[6] else 50.0))
    return pd.DataFrame(rows, columns=["entity_id", "month", "sales_amount", "electricity_kwh"])

NO_FLAGS = {"overdue_elsewhere": None, "industry_shock": None, "guarantee_trouble": None}


def test_early_warning_signals_trailing_decline():
    sig = early_warning_signals(_ews_panel(), window=3, drop=0.3, **NO_FLAGS)
    a = sig[sig["entity_id"] == "A"]
    assert a["sig_sales_decline"].tolist() == [False] * 5 + [True, True, False]
    # 用电在第 7 个月腰斩；前 3 个月均值 100
    assert a["sig_utility_decline"].tolist() == [False] * 6 + [True, True]
    assert not sig.loc[sig["entity_id"] == "B", ["sig_sales_decline", "sig_utility_decline"]].any().any()
    assert not sig["sig_overdue_elsewhere"].any()


def test_early_warning_flags_and_input_unchanged():
    panel = _ews_panel().assign(other_overdue=[0] * 15 + [1], shock=False)
    before = panel.copy()
    sig = early_warning_signals(panel, overdue_elsewhere="other_overdue", industry_shock="shock",
                                guarantee_trouble=None)
    assert sig["sig_overdue_elsewhere"].sum() == 1
    pd.testing.assert_frame_equal(panel, before)
    with pytest.raises(RuralfinValueError, match="drop"):
        early_warning_signals(panel, drop=1.5, **NO_FLAGS)


def test_future_default_label():
    panel = pd.DataFrame({"entity_id": ["A"] * 5, "month": pd.period_range("2024-01", periods=5, freq="M"),
                          "default_month": [pd.Period("2024-04", "M")] * 5})
    lab = future_default_label(panel, horizon=2)
    assert lab.tolist()[:3] == [0, 1, 1]
    assert lab.isna().tolist()[3:] == [True, True]


def test_early_warning_model_contract_and_weights():
    from sklearn.base import clone
    from sklearn.exceptions import NotFittedError

    rng = np.random.default_rng(1)
    X = pd.DataFrame(rng.random((2000, 3)) < 0.2,
                     columns=["sig_sales_decline", "sig_overdue_elsewhere", "sig_industry_shock"])
    logit = -3 + 2.0 * X["sig_overdue_elsewhere"] + 1.0 * X["sig_sales_decline"]
    y = (rng.random(2000) < 1 / (1 + np.exp(-logit))).astype(int)
    m = EarlyWarningModel(random_state=0)
    with pytest.raises(NotFittedError):
        m.predict_proba(X)
    assert m.fit(X, y) is m
    pts = m.points_
    assert pts["sig_overdue_elsewhere"] > pts["sig_sales_decline"] > pts["sig_industry_shock"]
    score = m.predict_points(X)
    assert score.name == "warning_score"
    row = X.iloc[[0]]
    assert score.iloc[0] == int(sum(pts[c] for c in X.columns if row[c].iloc[0]))
    assert m.predict_proba(X).shape == (2000, 2)
    assert clone(m).get_params() == m.get_params()
    assert m.points_table()["signal"].iloc[0] == "sig_overdue_elsewhere"
    with pytest.raises(RuralfinValueError, match="两类都要出现"):
        EarlyWarningModel().fit(X, np.zeros(2000))
    with pytest.raises(RuralfinValueError, match="缺少训练时用过的列：sig_industry_shock"):
        m.predict_points(X.drop(columns="sig_industry_shock"))


def test_lead_time_by_hand():
    panel = pd.DataFrame({
        "entity_id": ["A"] * 6 + ["B"] * 6 + ["C"] * 6,
        "month": list(pd.period_range("2024-01", periods=6, freq="M")) * 3,
        "warning_score": [0, 40, 0, 40, 40, 40,   # A：违约 2024-06，最早亮灯 2024-02 → 4 个月
                          0, 0, 0, 0, 0, 50,      # B：只在违约当月亮灯 → 漏报
                          0, 0, 0, 0, 0, 0],      # C：未违约，不在表里
        "default_month": [pd.Period("2024-06", "M")] * 6 + [pd.Period("2024-06", "M")] * 6 + [pd.NaT] * 6,
    })
    lt = warning_lead_time(panel, threshold=30)
    assert lt["entity_id"].tolist() == ["A", "B"]
    assert lt["lead_time_months"].tolist()[0] == 4 and pd.isna(lt["lead_time_months"].iloc[1])
    assert lt["warned"].tolist() == [True, False]
    lt3 = warning_lead_time(panel, threshold=30, lookback=3)
    assert lt3["lead_time_months"].iloc[0] == 2
    summ = lead_time_summary(lt)
    assert summ["lead_time_months"].tolist() == ["4", "missed"]
    assert summ["defaulter_share"].tolist() == [0.5, 0.5]
    ax = plot_lead_time(lt)
    assert len(ax.patches) == 2


def test_borrower_rule_per_period_on_a_monthly_panel():
    # 同一债务人：1 月有 30 万逾期 100 天（不良占 30%），2 月已全部正常
    panel = pd.DataFrame({"loan_id": [1, 2, 1, 2], "entity_id": ["A"] * 4,
                          "month": ["2024-01", "2024-01", "2024-02", "2024-02"],
                          "days_past_due": [100, 0, 0, 0], "balance": [30.0, 70.0, 30.0, 70.0]})
    out = classify_loans(panel, period="month")
    assert out["risk_grade"].astype(str).tolist() == ["substandard", "substandard", "normal", "normal"]
    # 不按时点分开时，两个月被当成一张快照：30 / 200 = 15% 仍超过 10%，2 月也被牵连
    pooled = classify_loans(panel)
    assert pooled["risk_grade"].astype(str).tolist() == ["substandard"] * 4
    m = migration_matrix(out, normalize=False)
    assert m.loc["substandard", "normal"] == 2


def test_warning_panel_joins_county_tables_by_hand():
    from ruralfin.risk.monitoring import warning_panel

    months = pd.to_datetime(["2024-01-31", "2024-02-29", "2024-03-31"])
    loans = pd.DataFrame({"loan_id": [1] * 3 + [2] * 3, "entity_id": [7] * 3 + [8] * 3,
                          "month": list(months) * 2, "days_past_due": [0, 0, 0, 0, 40, 100]})
    sales = pd.DataFrame({"entity_id": [7] * 3 + [8] * 3 + [9] * 3, "month": list(months) * 3,
                          "sales_amount": [5.0] * 9})
    util = pd.DataFrame({"entity_id": [7], "month": [months[0]], "electricity_kwh": [120.0]})
    events = pd.DataFrame({"entity_id": [7, 7, 8], "month": [months[1], months[1], months[2]],
                           "event_type": ["overdue_other_bank", "lawsuit", "tax_arrears"]})
    ent = pd.DataFrame({"entity_id": [7, 8, 9], "sub_industry": ["livestock", "grocery", "grocery"]})
    ind = pd.DataFrame({"sub_industry": ["livestock"] * 3 + ["grocery"] * 3, "month": list(months) * 2,
                        "shock": [False, True, True, False, False, False]})
    g = pd.DataFrame({"loan_id": [2], "entity_id": [8], "guarantor_id": [7]})
    inputs = [loans.copy(), sales.copy()]
    out = warning_panel(loans, sales, utilities=util, external_events=events, industry_monthly=ind,
                        entities=ent, guarantees=g)
    pd.testing.assert_frame_equal(loans, inputs[0])
    assert out["entity_id"].tolist() == [7, 7, 7, 8, 8, 8]  # 9 没有贷款
    a = out[out["entity_id"] == 7]
    assert a["overdue_elsewhere"].tolist() == [False, True, False]
    assert a["industry_shock"].tolist() == [False, True, True]
    # 7 为 8 担保；8 在 3 月逾期 100 天 > 90 → 7 的担保圈 3 月出险
    assert a["guarantee_trouble"].tolist() == [False, False, True]
    assert a["default_month"].isna().all()
    b = out[out["entity_id"] == 8]
    assert (b["default_month"] == months[2]).all()
    assert b["guarantee_trouble"].tolist() == [False, False, False]
    assert np.isnan(a["electricity_kwh"].iloc[1]) and a["electricity_kwh"].iloc[0] == 120.0
    sig = early_warning_signals(out, window=1)
    assert sig["sig_guarantee_trouble"].sum() == 1 and sig["sig_overdue_elsewhere"].sum() == 1
    with pytest.raises(RuralfinValueError, match="还需要 entities"):
        warning_panel(loans, sales, industry_monthly=ind)


# ---------------------------------------------------------------- 示范县
@pytest.fixture(scope="module")
def county_loan_monthly(county):
    return county["loan_monthly"]


def test_county_npl_ratio_equals_direct_computation(county_loan_monthly):
    lm = county_loan_monthly
    before = lm.copy()
    out = classify_loans(lm, period="month", restructured="is_restructured")
    pd.testing.assert_frame_equal(lm, before)
    # 直接算：逾期超过 90 天，或同月同一债务人逾期 90+ 余额占比超过 10%
    d = lm.assign(bad90=lm["days_past_due"] > 90, bal=lm["balance"].astype("float64"))
    d["bad_bal"] = d["bal"].where(d["bad90"], 0.0)
    g = d.groupby(["entity_id", "month"])[["bal", "bad_bal"]].transform("sum")
    direct_npl = d["bad90"] | ((g["bad_bal"] > 0.10 * g["bal"] * (1 + 1e-9)) & (g["bal"] > 0))
    np.testing.assert_array_equal(out["is_npl"].to_numpy(), direct_npl.to_numpy())
    by_month = npl_ratio(out, by="month")
    direct = d.assign(npl=direct_npl).groupby("month").apply(
        lambda x: x.loc[x["npl"], "bal"].sum() / x["bal"].sum(), include_groups=False)
    np.testing.assert_allclose(by_month["npl_ratio"].to_numpy(), direct.to_numpy(), rtol=1e-9)
    assert 0 < by_month["npl_ratio"].iloc[-1] < 0.5


def test_county_vintage_roll_and_migration_shapes(county_loan_monthly):
    lm = county_loan_monthly
    n_months = lm["month"].nunique()
    v = vintage_table(lm)
    assert v.shape[1] == n_months and v.shape[0] <= n_months
    assert v.index.is_monotonic_increasing
    # 累计率随账龄不减
    diffs = v.diff(axis=1).iloc[:, 1:].to_numpy()
    assert np.nanmin(diffs) >= -1e-12
    assert np.nanmax(v.to_numpy()) <= 1
    rr = roll_rate_matrix(lm)
    sums = rr.sum(axis=1)
    np.testing.assert_allclose(sums[sums > 0], 1.0)
    counts = migration_matrix(classify_loans(lm, period="month"), normalize=False)
    months = lm["month"]
    assert counts.to_numpy().sum() == (months < months.max()).sum()


def test_every_output_column_is_registered():
    """课程要展示的输出列都要在标签登记处有中文名（示范县原有的列由数据字典登记）。"""
    from ruralfin import labels
    from ruralfin.risk import approval as ap
    from ruralfin.risk import collection as co

    produced = set()
    out = classify_loans(_one_loan_each([0, 100]))
    produced |= {"risk_grade", "is_npl", "grade_driver"} & set(out.columns)
    produced |= set(npl_ratio(out).columns)
    produced |= {migration_matrix(_grade_panel()).index.name, migration_matrix(_grade_panel()).columns.name}
    rr = roll_rate_matrix(_toy_dpd_panel())
    produced |= {rr.index.name, rr.columns.name}
    produced |= set(vintage_table(_vintage_panel(), wide=False).columns) | {"cohort", "mob"}
    produced |= set(early_warning_signals(_ews_panel(), **NO_FLAGS).columns) - {"entity_id", "month"}
    produced |= {"future_default", "warning_score"}
    lt = warning_lead_time(pd.DataFrame({"entity_id": ["A"], "month": ["2024-01"], "warning_score": [1],
                                         "default_month": ["2024-02"]}))
    produced |= set(lt.columns) - {"entity_id"}
    produced |= set(lead_time_summary(lt).columns)
    rng = np.random.default_rng(0)
    X = pd.DataFrame(rng.random((200, 2)) < 0.3, columns=["sig_sales_decline", "sig_industry_shock"])
    y = (rng.random(200) < 0.2 + 0.3 * X["sig_sales_decline"]).astype(int)
    produced |= set(EarlyWarningModel(random_state=0).fit(X, y).points_table().columns)
    df = pd.DataFrame({"verified_revenue": [50.0], "existing_debt": [0.0], "points": [600.0], "dsr": [0.3],
                       "prob_default": [0.05]})
    pre = ap.pre_approve(df.assign(village="v"), [("points", ">", 0, "x")], min_score=500)
    produced |= set(pre.columns) - set(df.columns) - {"village"}
    produced |= set(ap.whitelist_summary(pre).columns)
    produced |= set(ap.decide(df, ap.DecisionMatrix(score_cuts=[550, 650])).columns) - set(df.columns)
    produced |= set(ap.top_adverse_factors(pd.DataFrame({"a": [1.0]})).columns)
    produced |= set(ap.cutoff_table(df.assign(bad=0), outcome="bad", cutoffs=[0]).columns)
    cases = pd.DataFrame({"days_past_due": [10], "balance": [5.0], "prob_cure": [0.5]})
    res = co.allocate_collectors(cases, 1, 1.0)
    produced |= set(res.cases.columns) - set(cases.columns) | set(res.summary.columns)
    produced |= set(co.allocation_curve(cases, [1], 1.0).columns)
    produced |= {"paid_ratio_3m", "unpaid_3m", "overdue_months_12m", "months_in_arrears", "cured_30d", "prob_cure"}
    missing = sorted(c for c in produced if not labels.is_registered(c))
    assert missing == [], f"未登记中文名的输出列：{missing}"
