"""催收：策略表、案件样本（手算特征与标签）、催收评分估计器、排序、人手分配优于朴素分配。"""

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from ruralfin.errors import RuralfinTypeError, RuralfinValueError
from ruralfin.risk.collection import (
    CollectionScoreModel,
    allocate_collectors,
    collection_cases,
    prioritize_cases,
    strategy_table,
)


def test_strategy_table_default_and_overrides():
    st = strategy_table()
    assert st["dpd_bucket"].tolist() == ["M1", "M2", "M3", "M4+"]
    assert st["action"].tolist() == ["sms_reminder", "phone_call", "field_visit", "legal"]
    st2 = strategy_table({"M4+": ("field_visit", 3.0)})
    assert st2.loc[3, "action"] == "field_visit" and st2.loc[3, "effort_hours"] == 3.0
    assert strategy_table(st2).equals(st2)
    with pytest.raises(RuralfinValueError, match="没有逾期桶 'M5'"):
        strategy_table({"M5": ("legal", 1.0)})
    with pytest.raises(RuralfinValueError, match="M1 的工时应大于 0"):
        strategy_table({"M1": ("sms_reminder", 0)})


def _panel():
    rows = {
        # loan 1：2 月逾期、3 月回正；loan 2：连续逾期 3 个月后结清
        1: [(0, 1.0, 1.0), (12, 1.0, 0.0), (0, 1.0, 2.0), (0, 1.0, 1.0)],
        2: [(5, 2.0, 1.0), (35, 2.0, 0.0), (65, 2.0, 0.0)],
    }
    recs = []
    for loan, vals in rows.items():
        for k, (dpd, sch, paid) in enumerate(vals):
            recs.append((loan, pd.Timestamp("2024-01-31") + pd.offsets.MonthEnd(k), k, 10.0 - k, dpd, sch, paid))
    return pd.DataFrame(recs, columns=["loan_id", "month", "months_on_book", "balance", "days_past_due",
                                       "scheduled_payment", "paid_amount"])


def test_collection_cases_features_and_labels_by_hand():
    panel = _panel()
    before = panel.copy()
    cases = collection_cases(panel)
    pd.testing.assert_frame_equal(panel, before)
    assert list(zip(cases["loan_id"], cases["days_past_due"])) == [(1, 12), (2, 5), (2, 35), (2, 65)]
    # loan 1 二月：近 3 月应还 2、实还 1
    first = cases.iloc[0]
    assert first["paid_ratio_3m"] == 0.5 and first["unpaid_3m"] == 1.0
    assert first["overdue_months_12m"] == 1 and first["months_in_arrears"] == 1
    assert first["cured_30d"] == 1
    # loan 2：连续逾期月数 1,2,3；近 3 月实还 1/6；最后一个月下月不在表中 → 标签缺失
    l2 = cases[cases["loan_id"] == 2]
    assert l2["months_in_arrears"].tolist() == [1, 2, 3]
    assert l2["paid_ratio_3m"].iloc[-1] == pytest.approx(1 / 6)
    assert l2["unpaid_3m"].iloc[-1] == pytest.approx(5.0)
    assert l2["cured_30d"].tolist()[:2] == [0, 0] and pd.isna(l2["cured_30d"].iloc[2])


def test_collection_cases_bad_inputs():
    with pytest.raises(RuralfinValueError, match="缺少列：paid_amount"):
        collection_cases(_panel().drop(columns="paid_amount"))
    dup = pd.concat([_panel(), _panel().iloc[[0]]])
    with pytest.raises(RuralfinValueError, match="同一笔贷款.*多行"):
        collection_cases(dup)


def _train():
    rng = np.random.default_rng(3)
    n = 1500
    X = pd.DataFrame({"days_past_due": rng.integers(1, 200, n).astype(float),
                      "paid_ratio_3m": rng.random(n)})
    X.loc[rng.random(n) < 0.05, "paid_ratio_3m"] = np.nan
    logit = 1.0 - X["days_past_due"] / 40 + 2 * X["paid_ratio_3m"].fillna(0.5)
    y = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    return X, y


def test_collection_score_model_contract():
    X, y = _train()
    m = CollectionScoreModel(random_state=0)
    with pytest.raises(NotFittedError):
        m.predict_proba(X)
    assert m.fit(X, y) is m
    p = m.predict_proba(X)[:, 1]
    assert p.shape == (len(X),) and ((p >= 0) & (p <= 1)).all()
    coef = m.coefficients()
    assert coef["days_past_due"] < 0 < coef["paid_ratio_3m"]
    assert clone(m).get_params() == m.get_params()
    g1 = CollectionScoreModel(model="gbm", random_state=1).fit(X, y).predict_proba(X)
    g2 = CollectionScoreModel(model="gbm", random_state=1).fit(X, y).predict_proba(X)
    np.testing.assert_array_equal(g1, g2)
    with pytest.raises(RuralfinValueError, match="缺少训练时用过的列：paid_ratio_3m"):
        m.predict_proba(X.drop(columns="paid_ratio_3m"))


@pytest.mark.parametrize(
    "kwargs, y, err, words",
    [
        ({"model": "tree"}, None, RuralfinValueError, "model"),
        ({}, "nan", RuralfinValueError, "标签缺失"),
        ({}, "one", RuralfinValueError, "两类都要出现"),
    ],
)
def test_collection_score_model_bad_inputs(kwargs, y, err, words):
    X, yy = _train()
    if y == "nan":
        yy = yy.astype(float)
        yy.iloc[0] = np.nan
    elif y == "one":
        yy = np.ones(len(X))
    with pytest.raises(err, match=words):
        CollectionScoreModel(**kwargs).fit(X, yy)


def test_collection_score_model_rejects_text_features():
    X, y = _train()
    with pytest.raises(RuralfinTypeError, match="这些列应为数值或是/否：town"):
        CollectionScoreModel().fit(X.assign(town="a"), y)


def _cases():
    return pd.DataFrame({
        "loan_id": [1, 2, 3, 4, 5, 6],
        "days_past_due": [10, 20, 45, 75, 200, 15],
        "balance": [5.0, 8.0, 12.0, 20.0, 80.0, 3.0],
        "prob_cure": [0.8, 0.7, 0.5, 0.3, 0.05, 0.9],
    })


def test_prioritize_by_hand():
    cases = _cases()
    before = cases.copy()
    out = prioritize_cases(cases)
    pd.testing.assert_frame_equal(cases, before)
    # 每小时预期回收：1: 4/0.25=16；2: 5.6/0.25=22.4；3: 6/0.5=12；4: 6/2=3；5: 4/6=0.667；6: 2.7/0.25=10.8
    assert out["loan_id"].tolist() == [2, 1, 3, 6, 4, 5]
    assert out["collection_priority"].tolist() == [1, 2, 3, 4, 5, 6]
    assert out.set_index("loan_id").loc[5, "collection_action"] == "legal"
    assert out.set_index("loan_id").loc[3, "effort_hours"] == 0.5


def test_prioritize_bad_inputs():
    with pytest.raises(RuralfinValueError, match="催收排序只针对逾期案件"):
        prioritize_cases(_cases().assign(days_past_due=0))
    with pytest.raises(RuralfinValueError, match="prob_cure.*大于 1"):
        prioritize_cases(_cases().assign(prob_cure=80))
    bad = strategy_table().iloc[:3]
    with pytest.raises(RuralfinValueError, match="strategy 缺少这些逾期桶的策略：M4\\+"):
        prioritize_cases(_cases(), strategy=bad)


def test_allocation_beats_naive_on_toy_case():
    # 2 人 × 1.5 小时 = 3 小时
    res = allocate_collectors(_cases(), n_collectors=2, capacity_hours=1.5)
    s = res.summary.set_index("allocation_method")
    # 贪心：2(0.25) 1(0.25) 3(0.5) 6(0.25) 共 1.25 小时，预期 5.6+4+6+2.7 = 18.3；案件 4 要 2 小时，放不下
    assert s.loc["greedy", "expected_recovery"] == pytest.approx(18.3)
    assert s.loc["greedy", "n_cases"] == 4
    # 朴素（金额从大到小）：5（6 小时）放不下；4（2 小时）放不下；3、2、1、6 → 同样 4 件 18.3
    assert s.loc["naive", "expected_recovery"] == pytest.approx(18.3)
    # 换成 1 人 × 2.5 小时：贪心先做 2、1、3、6（1.25 小时），仍放不下 4 → 18.3；
    # 朴素先放 4（2 小时），再放 3（0.5）→ 6 + 6 = 12
    res = allocate_collectors(_cases(), n_collectors=1, capacity_hours=2.5)
    s = res.summary.set_index("allocation_method")
    assert s.loc["greedy", "expected_recovery"] == pytest.approx(18.3)
    assert s.loc["naive", "expected_recovery"] == pytest.approx(12.0)
    assert res.gain == pytest.approx(6.3)
    assert s.loc["naive", "hours_used"] == 2.5
    total = (_cases()["prob_cure"] * _cases()["balance"]).sum()
    assert s.loc["greedy", "recovery_share"] == pytest.approx(18.3 / total)


def test_allocation_respects_each_collectors_capacity():
    res = allocate_collectors(_cases(), n_collectors=3, capacity_hours=2.0)
    c = res.cases.dropna(subset=["collector"])
    used = c.groupby("collector")["effort_hours"].sum()
    assert (used <= 2.0 + 1e-9).all()
    assert set(c["collector"].astype(int)) <= {1, 2, 3}
    none = allocate_collectors(_cases(), n_collectors=0, capacity_hours=8.0)
    assert none.summary["expected_recovery"].tolist() == [0.0, 0.0]
    assert none.cases["collector"].isna().all()


def test_allocation_random_naive_is_reproducible_and_bad_inputs():
    a = allocate_collectors(_cases(), 1, 1.0, naive="random", random_state=5).summary
    b = allocate_collectors(_cases(), 1, 1.0, naive="random", random_state=5).summary
    pd.testing.assert_frame_equal(a, b)
    with pytest.raises(RuralfinValueError, match="n_collectors"):
        allocate_collectors(_cases(), -1, 1.0)
    with pytest.raises(RuralfinValueError, match="naive"):
        allocate_collectors(_cases(), 1, 1.0, naive="biggest")
    with pytest.raises(RuralfinTypeError, match="n_collectors"):
        allocate_collectors(_cases(), 1.5, 1.0)


# ---------------------------------------------------------------- 示范县
@pytest.fixture(scope="module")
def county_loan_monthly(county):
    return county["loan_monthly"]


def test_county_collection_score_and_allocation(county_loan_monthly):
    from sklearn.metrics import roc_auc_score

    cases = collection_cases(county_loan_monthly)
    assert (cases["days_past_due"] > 0).all()
    train = cases[cases["cured_30d"].notna()]
    feats = ["days_past_due", "balance", "paid_ratio_3m", "unpaid_3m", "overdue_months_12m", "months_in_arrears"]
    m = CollectionScoreModel(random_state=0).fit(train[feats], train["cured_30d"].astype(int))
    auc = roc_auc_score(train["cured_30d"].astype(int), m.predict_proba(train[feats])[:, 1])
    assert auc > 0.6
    last = cases[cases["month"] == cases["month"].max()]
    last = last.assign(prob_cure=m.predict_proba(last[feats])[:, 1])
    s = allocate_collectors(last, 2, 8.0).summary.set_index("allocation_method")
    assert s.loc["greedy", "expected_recovery"] >= s.loc["naive", "expected_recovery"]


def test_best_fit_keeps_whole_blocks_for_big_cases():
    from ruralfin.risk.collection import allocation_curve, plot_allocation_curve

    cases = pd.DataFrame({"loan_id": [1, 2, 3], "days_past_due": [10, 20, 75], "balance": [5.0, 8.0, 20.0],
                          "prob_cure": [0.8, 0.7, 0.3]})
    # 2 人 × 2.2 小时：两件 M1（各 0.25）放进同一人，另一人留 2.2 小时给 M3 上门（2 小时）
    res = allocate_collectors(cases, 2, 2.2)
    assert res.summary.set_index("allocation_method").loc["greedy", "n_cases"] == 3
    c = res.cases
    assert c.loc[c["days_past_due"] < 30, "collector"].nunique() == 1
    curve = allocation_curve(cases, [0, 1, 2], 2.2)
    assert curve["greedy_recovery"].tolist() == pytest.approx([0.0, 9.6, 15.6])
    assert curve["naive_recovery"].tolist() == pytest.approx([0.0, 6.0, 15.6])
    ax = plot_allocation_curve(curve)
    assert len(ax.get_lines()) == 2 and ax.get_xlabel() == "催收员人数（人）"
    with pytest.raises(RuralfinValueError, match="collectors 是空的"):
        allocation_curve(cases, [], 2.2)


def test_balance_keyword_picks_the_amount_column():
    cases = pd.DataFrame({"days_past_due": [10, 20], "balance": [5.0, 8.0], "unpaid_3m": [1.0, 0.5],
                          "prob_cure": [0.8, 0.7]})
    out = prioritize_cases(cases, balance="unpaid_3m", loan_id=None)  # 没有编号列
    assert out["expected_recovery"].tolist() == pytest.approx([0.8, 0.35])


def test_collection_outputs_are_registered():
    from ruralfin import labels
    from ruralfin.risk.collection import allocation_curve

    cases = pd.DataFrame({"loan_id": [1], "days_past_due": [10], "balance": [5.0], "prob_cure": [0.5]})
    res = allocate_collectors(cases, 1, 1.0)
    produced = set(res.cases.columns) - set(cases.columns) | set(res.summary.columns)
    produced |= set(allocation_curve(cases, [1], 1.0).columns)
    produced |= {"paid_ratio_3m", "unpaid_3m", "overdue_months_12m", "months_in_arrears", "cured_30d", "prob_cure"}
    assert sorted(c for c in produced if not labels.is_registered(c)) == []


# ---------------------------------------------------------------- 坏输入（issue 11）
def test_prioritize_rejects_cases_without_a_usable_loan_id():
    with pytest.raises(RuralfinValueError, match="loan_id 是编号，不能为空"):
        prioritize_cases(_cases().assign(loan_id=[1.0, np.nan, 3, 4, 5, 6]))
    with pytest.raises(RuralfinValueError, match="loan_id 是编号，应为不小于 0 的整数"):
        prioritize_cases(_cases().assign(loan_id=[1.0, np.inf, 3, 4, 5, 6]))
    with pytest.raises(RuralfinValueError, match="缺少列 loan_id"):
        prioritize_cases(_cases().drop(columns="loan_id"))
    assert len(prioritize_cases(_cases().drop(columns="loan_id"), loan_id=None)) == 6


def test_strategy_with_missing_hours_is_rejected():
    bad = strategy_table().assign(effort_hours=[0.25, np.nan, 2.0, 6.0])
    with pytest.raises(RuralfinValueError, match="effort_hours 有 1 个缺失值"):
        prioritize_cases(_cases(), strategy=bad)
