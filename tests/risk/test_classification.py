"""五级分类：硬约束（手算）、债务人与跨行规则、重组与续贷、不良率、逾期账龄桶。"""

import numpy as np
import pandas as pd
import pytest

from ruralfin import labels
from ruralfin.errors import RuralfinTypeError, RuralfinValueError
from ruralfin.risk.classification import (
    DPD_BUCKETS,
    GRADE_NAMES,
    GRADES,
    classify_loans,
    dpd_bucket,
    npl_ratio,
)
from ruralfin.risk.migration import migration_matrix


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
    with pytest.raises(RuralfinValueError, match="other_90.*大于 1"):
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
        (lambda d: d.assign(days_past_due=[-1, 0]), {}, RuralfinValueError, "days_past_due.*小于 0"),
        (lambda d: d.assign(days_past_due=[np.nan, 0]), {}, RuralfinValueError, "days_past_due.*缺失"),
        (lambda d: d.assign(days_past_due=["3", "0"]), {}, RuralfinTypeError, "days_past_due"),
        (lambda d: d, {"borrower_threshold": 10}, RuralfinValueError, "borrower_threshold"),
        (lambda d: d, {"restructured_floor": "bad"}, RuralfinValueError, "restructured_floor"),
        (lambda d: d.assign(entity_id=[None, "A"]), {}, RuralfinValueError, "entity_id.*不能为空"),
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



def test_grade_names_come_from_the_label_registry():
    assert list(GRADE_NAMES) == list(GRADES)
    assert dict(GRADE_NAMES) == dict(labels.get("risk_grade").values)
    assert GRADE_NAMES["special_mention"] == "关注"


# ---------------------------------------------------------------- 账龄桶与滚动率
def test_dpd_buckets_boundaries():
    b = dpd_bucket(pd.Series([0, 1, 30, 31, 60, 61, 90, 91, 400], index=list("abcdefghi")))
    assert b.tolist() == ["M0", "M1", "M1", "M2", "M2", "M3", "M3", "M4+", "M4+"]
    assert list(b.index) == list("abcdefghi")
    assert list(b.cat.categories) == list(DPD_BUCKETS) and b.cat.ordered
    with pytest.raises(RuralfinValueError, match="小于 0"):
        dpd_bucket([-1])
    with pytest.raises(RuralfinTypeError):
        dpd_bucket(pd.DataFrame({"a": [1]}))




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




def test_classification_outputs_are_registered():
    out = classify_loans(_one_loan_each([0, 100]))
    produced = {"risk_grade", "is_npl", "grade_driver", "dpd_bucket"} | set(npl_ratio(out).columns)
    assert [c for c in sorted(produced) if not labels.is_registered(c)] == []
