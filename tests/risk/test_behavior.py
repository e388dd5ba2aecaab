"""ruralfin.risk.behavior：行为特征按手算核对、不偷看未来、B 卡标签口径、分群与画像命名、坏输入。"""

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from ruralfin import labels
from ruralfin.errors import RuralfinTypeError, RuralfinValueError
from ruralfin.risk.behavior import (
    BEHAVIOR_FEATURES,
    FLOW_FEATURES,
    REPAYMENT_FEATURES,
    BehaviorSegmenter,
    behavior_features,
    behavior_label,
    behavior_sample,
    plot_segment_profiles,
    repayment_features,
)
from ruralfin.errors import NotFittedError


def _flows():
    """四个主体的月度流水（万元）。

    - 主体 1：2024-01 起；2 月完全没有往来（金额、笔数都为 0）。
    - 主体 2：2024-03 才开户（新客户）。
    - 主体 3：只有 1、2 月的记录，之后沉寂（缺失的月份按 0 计）。
    - 主体 4：2024-05 才出现，晚于观察时点 2024-04，不应出现在结果里。
    """
    rows = [
        # entity, month, inflow, outflow, in_cnt, out_cnt, balance
        (1, "2024-01", 4.0, 3.0, 1, 1, 1.0),
        (1, "2024-02", 0.0, 0.0, 0, 0, 2.0),
        (1, "2024-03", 4.0, 3.0, 2, 1, 3.0),
        (1, "2024-04", 8.0, 3.0, 3, 1, 4.0),
        (2, "2024-03", 5.0, 1.0, 2, 0, 2.0),
        (2, "2024-04", 5.0, 1.0, 2, 0, 2.0),
        (3, "2024-01", 3.0, 2.0, 1, 1, 3.0),
        (3, "2024-02", 3.0, 2.0, 1, 1, 3.0),
        (4, "2024-05", 9.0, 9.0, 9, 9, 9.0),
    ]
    df = pd.DataFrame(rows, columns=["entity_id", "month", "inflow_amount", "outflow_amount", "inflow_count",
                                     "outflow_count", "avg_balance"])
    df["month"] = pd.to_datetime(df["month"]) + pd.offsets.MonthEnd(0)
    return df


def test_flow_features_match_hand_calculation():
    f = behavior_features(_flows(), "2024-04", window=3).set_index("entity_id")
    assert list(f.index) == [1, 2, 3]  # 主体 4 在观察时点之后才出现
    assert (f["as_of"] == pd.Timestamp("2024-04-30")).all()
    one, two, three = f.loc[1], f.loc[2], f.loc[3]
    # 主体 1：窗口 2–4 月，流入 0、4、8
    assert one["tenure_months"] == 4 and one["recency_months"] == 0 and one["active_months"] == 2
    assert one["txn_per_month"] == pytest.approx(7 / 3)
    assert one["inflow_avg"] == pytest.approx(4.0)
    assert one["net_flow_avg"] == pytest.approx(2.0)  # (0 + 1 + 5) / 3
    assert one["inflow_slope"] == pytest.approx(1.0)  # 斜率 4 ÷ 均值 4
    assert one["inflow_cv"] == pytest.approx(math.sqrt(32 / 3) / 4)
    assert one["balance_avg"] == pytest.approx(3.0)
    assert one["balance_slope"] == pytest.approx(1 / 3)
    assert one["balance_cover_months"] == pytest.approx(1.5)  # 3 ÷ 月均流出 2
    # 主体 2：只有 2 个月，趋势与波动记为缺失
    assert two["tenure_months"] == 2 and two["active_months"] == 2
    assert two["inflow_avg"] == pytest.approx(5.0) and two["net_flow_avg"] == pytest.approx(4.0)
    assert two["txn_per_month"] == pytest.approx(2.0)
    assert np.isnan(two["inflow_slope"]) and np.isnan(two["inflow_cv"]) and np.isnan(two["balance_slope"])
    assert two["balance_cover_months"] == pytest.approx(2.0)
    # 主体 3：3、4 月没有记录，按 0 计；最近一次交易在 2 月
    assert three["recency_months"] == 2 and three["active_months"] == 1 and three["tenure_months"] == 4
    assert three["inflow_avg"] == pytest.approx(1.0)
    assert three["inflow_slope"] == pytest.approx(-1.5)  # 流入 3、0、0：斜率 −1.5 ÷ 均值 1
    assert three["inflow_cv"] == pytest.approx(math.sqrt(2))
    assert three["balance_cover_months"] == pytest.approx(1.5)


def test_output_columns_are_registered_and_typed():
    f = behavior_features(_flows(), "2024-04")
    assert list(f.columns) == ["entity_id", "as_of", *FLOW_FEATURES]
    for col in f.columns:
        assert labels.is_registered(col), col
    for col in REPAYMENT_FEATURES + ["bad_future", "segment", "segment_name", "segment_share"]:
        assert labels.is_registered(col), col
    assert f["tenure_months"].dtype == np.int64


def test_input_unchanged_and_as_of_forms_agree():
    flows = _flows()
    before = flows.copy()
    a = behavior_features(flows, "2024-04")
    pd.testing.assert_frame_equal(flows, before)
    b = behavior_features(flows, pd.Timestamp("2024-04-30"))
    c = behavior_features(flows, pd.Period("2024-04", freq="M"))
    text = flows.assign(month=flows["month"].dt.strftime("%Y-%m"))
    d = behavior_features(text, "2024-04")
    for other in (b, c, d):
        pd.testing.assert_frame_equal(a, other)


def test_no_look_ahead_and_duplicates_are_summed():
    flows = _flows()
    later = flows["month"] > "2024-04-30"
    changed = flows.copy()
    changed.loc[later, "inflow_amount"] = 999.0
    pd.testing.assert_frame_equal(behavior_features(flows, "2024-04"), behavior_features(changed, "2024-04"))
    # 同一主体同一月两行（两个账户）：金额相加
    split = flows[flows["entity_id"] == 2].copy()
    halves = pd.concat([split.assign(inflow_amount=split["inflow_amount"] / 2)] * 2)
    merged = behavior_features(halves, "2024-04")
    assert merged["inflow_avg"].item() == pytest.approx(5.0)


@pytest.mark.parametrize(
    ("change", "error", "words"),
    [
        (lambda d: d.drop(columns="avg_balance"), RuralfinValueError, "缺少列"),
        (lambda d: d.assign(inflow_amount=-d["inflow_amount"]), RuralfinValueError, "inflow_amount.*小于 0"),
        (lambda d: d.assign(outflow_amount=np.where(d.index == 0, np.nan, d["outflow_amount"])), RuralfinValueError,
         "缺失值"),
        (lambda d: d.assign(inflow_amount=d["inflow_amount"].astype("str")), RuralfinTypeError, "应为数值"),
        (lambda d: d.assign(month="not a month"), RuralfinValueError, "月份"),
    ],
)
def test_bad_flows(change, error, words):
    with pytest.raises(error, match=words):
        behavior_features(change(_flows()), "2024-04")


def test_bad_as_of_and_window():
    flows = _flows()
    with pytest.raises(RuralfinValueError, match="晚于流水表的最后一个月"):
        behavior_features(flows, "2024-09")
    with pytest.raises(RuralfinValueError, match="没有 2023-06 及以前的数据"):
        behavior_features(flows, "2023-06")
    with pytest.raises(RuralfinTypeError, match="as_of"):
        behavior_features(flows, 202404)
    with pytest.raises(RuralfinValueError, match="无法识别为日期"):
        behavior_features(flows, "四月")
    with pytest.raises(RuralfinValueError, match="window"):
        behavior_features(flows, "2024-04", window=0)
    with pytest.raises(RuralfinTypeError, match="DataFrame"):
        behavior_features(flows.to_numpy(), "2024-04")


# ---------------------------------------------------------------------------
# 还款表现与 B 卡标签
# ---------------------------------------------------------------------------


def _loan_monthly():
    """三个主体 2024-01 至 2024-06 的贷款月度表。

    - 主体 1：两笔贷款；贷款 11 在 2 月逾期 10 天，5 月逾期 95 天（观察时点 3 月之后变坏）。
    - 主体 2：3 月逾期 40 天（观察时点已逾期，但没超过 90 天，仍在 B 卡样本里），之后回正。
    - 主体 3：3 月已还清（余额 0），不在贷。
    """
    rows = []
    months = ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06"]
    dpd11 = [0, 10, 0, 30, 95, 120]
    for m, d in zip(months, dpd11):
        rows.append((1, 11, m, 4.0, d, 1.0, 0.0 if d else 1.0))
    for m in months:
        rows.append((1, 12, m, 2.0, 0, 0.0, 0.0))  # 到期一次还本付息：应还为 0
    dpd2 = [0, 0, 40, 0, 0, 0]
    for m, d in zip(months, dpd2):
        rows.append((2, 21, m, 3.0, d, 1.0, 0.5 if d else 1.0))
    for m, b in zip(months[:3], [2.0, 1.0, 0.0]):
        rows.append((3, 31, m, b, 0, 1.0, 1.0))
    df = pd.DataFrame(rows, columns=["entity_id", "loan_id", "month", "balance", "days_past_due",
                                     "scheduled_payment", "paid_amount"])
    df["month"] = pd.to_datetime(df["month"]) + pd.offsets.MonthEnd(0)
    return df


def test_repayment_features_hand_values():
    lm = _loan_monthly()
    before = lm.copy()
    r = repayment_features(lm, "2024-03", window=3).set_index("entity_id")
    pd.testing.assert_frame_equal(lm, before)
    assert list(r.index) == [1, 2]  # 主体 3 已还清
    assert list(r.columns) == REPAYMENT_FEATURES
    assert r.loc[1, "dpd_now"] == 0 and r.loc[1, "max_dpd_window"] == 10 and r.loc[1, "late_months"] == 1
    assert r.loc[1, "paid_ratio"] == pytest.approx(2 / 3)  # 实还 1 + 0 + 1，应还 3
    assert r.loc[1, "on_book_balance"] == pytest.approx(6.0)
    assert r.loc[2, "dpd_now"] == 40 and r.loc[2, "late_months"] == 1
    assert r.loc[2, "paid_ratio"] == pytest.approx(2.5 / 3)


def test_behavior_label_definition():
    lm = _loan_monthly()
    lab = behavior_label(lm, "2024-03", horizon=3, bad_dpd=90).set_index("entity_id")["bad_future"]
    assert lab.to_dict() == {1: 1, 2: 0}  # 主体 1 在 5 月逾期 95 天
    # 表现期只到 4 月：主体 1 还没变坏
    assert behavior_label(lm, "2024-03", horizon=1, bad_dpd=90)["bad_future"].tolist() == [0, 0]
    # 门槛 30 天：主体 2 观察时已逾期 40 天，不在样本；主体 1 在 5 月超过 30 天
    lab30 = behavior_label(lm, "2024-03", horizon=3, bad_dpd=30)
    assert lab30["entity_id"].tolist() == [1] and lab30["bad_future"].tolist() == [1]
    # 观察当月本身不算表现期
    assert behavior_label(lm, "2024-05", horizon=1, bad_dpd=100)["bad_future"].tolist() == [1, 0]


def test_behavior_label_refuses_incomplete_window_and_bad_input():
    lm = _loan_monthly()
    with pytest.raises(RuralfinValueError, match="表现期不完整"):
        behavior_label(lm, "2024-04", horizon=3)
    with pytest.raises(RuralfinValueError, match="缺少列"):
        behavior_label(lm.drop(columns="days_past_due"), "2024-03", horizon=1)
    with pytest.raises(RuralfinValueError, match="balance.*小于 0"):
        behavior_label(lm.assign(balance=-1.0), "2024-03", horizon=1)
    with pytest.raises(RuralfinValueError, match="horizon"):
        behavior_label(lm, "2024-03", horizon=0)
    with pytest.raises(RuralfinValueError, match="没有在贷"):
        behavior_label(lm.assign(balance=0.0), "2024-03", horizon=1)


def test_behavior_sample_joins_features_and_label():
    flows = _flows()
    lm = _loan_monthly()
    flows = flows[flows["entity_id"] != 2]  # 主体 2 不是我行结算客户：流水特征缺失
    s = behavior_sample(flows, lm, "2024-03", window=3, horizon=3)
    assert list(s.columns) == ["entity_id", "as_of", *BEHAVIOR_FEATURES, "bad_future"]
    assert s["entity_id"].tolist() == [1, 2]
    assert s.loc[s["entity_id"] == 2, FLOW_FEATURES].isna().all(axis=None)
    assert s["bad_future"].tolist() == [1, 0]
    now = behavior_sample(_flows(), lm, "2024-04", horizon=None)
    assert "bad_future" not in now.columns and now["entity_id"].tolist() == [1, 2]


# ---------------------------------------------------------------------------
# 分群
# ---------------------------------------------------------------------------


def _clusters(seed=0):
    rng = np.random.default_rng(seed)
    big = pd.DataFrame({"inflow_avg": rng.normal(1.0, 0.1, 60), "inflow_cv": rng.normal(0.2, 0.02, 60)})
    rich = pd.DataFrame({"inflow_avg": rng.normal(30.0, 1.0, 25), "inflow_cv": rng.normal(0.2, 0.02, 25)})
    shaky = pd.DataFrame({"inflow_avg": rng.normal(1.0, 0.1, 15), "inflow_cv": rng.normal(0.9, 0.02, 15)})
    return pd.concat([big, rich, shaky], ignore_index=True)


def test_segmenter_finds_clusters_and_names_them_from_centroids():
    X = _clusters()
    before = X.copy()
    seg = BehaviorSegmenter(3, features=["inflow_avg", "inflow_cv"], random_state=0).fit(X)
    pd.testing.assert_frame_equal(X, before)
    # 编号按人数：60、25、15
    assert np.bincount(seg.labels_).tolist() == [0, 60, 25, 15]
    assert (seg.labels_[:60] == 1).all() and (seg.labels_[60:85] == 2).all() and (seg.labels_[85:] == 3).all()
    z = seg.centroid_z_
    assert z.loc[2, "inflow_avg"] > 0.5 and z.loc[3, "inflow_cv"] > 0.5
    assert seg.segment_names_[2].startswith("流水大")
    assert seg.segment_names_[3].startswith("流水波动大")
    # 画像表：人数与占比，按原始单位的中位数
    p = seg.profiles_
    assert p["n_entities"].tolist() == [60, 25, 15]
    assert p["segment_share"].sum() == pytest.approx(1.0)
    assert p.loc[p["segment"] == 2, "inflow_avg"].item() == pytest.approx(30.0, abs=1.0)
    # 同样的种子，同样的结果；predict 与 labels_ 一致
    again = BehaviorSegmenter(3, features=["inflow_avg", "inflow_cv"], random_state=0).fit(X)
    assert (again.labels_ == seg.labels_).all() and again.segment_names_ == seg.segment_names_
    assert (seg.predict(X) == seg.labels_).all()
    out = seg.assign(X.head(3))
    assert out["segment_name"].tolist() == [seg.segment_names_[1]] * 3
    assert list(X.columns) == ["inflow_avg", "inflow_cv"]


def test_profile_table_with_target():
    X = _clusters().assign(bad=[0] * 60 + [0] * 24 + [1] + [1] * 15)
    seg = BehaviorSegmenter(3, features=["inflow_avg", "inflow_cv"]).fit(X)
    t = seg.profile_table(X, y="bad").set_index("segment")
    assert t.loc[3, "bad_rate"] == pytest.approx(1.0)
    assert t.loc[2, "bad_rate"] == pytest.approx(1 / 25)
    assert t.loc[1, "bad_rate"] == pytest.approx(0.0)


def test_segment_names_rule():
    z = pd.DataFrame({"inflow_avg": [0.1, 1.0, 1.0, 0.9], "inflow_cv": [0.2, 0.8, 0.8, -0.6],
                      "balance_avg": [0.0, 0.6, -0.7, 0.0]}, index=[1, 2, 3, 4])
    names = BehaviorSegmenter._name_segments(z, 0.5, 2)
    assert names[1] == "各项接近平均"
    # 2、3 前两个说法相同，各自再加第三个说法以示区别
    assert names[2] == "流水大、流水波动大、存款沉淀多"
    assert names[3] == "流水大、流水波动大、存款沉淀少"
    assert names[4] == "流水大、流水平稳"
    # 说法用完仍相同：末尾加编号
    same = pd.DataFrame({"inflow_avg": [1.0, 1.1]}, index=[1, 2])
    assert BehaviorSegmenter._name_segments(same, 0.5, 2) == {1: "流水大（1）", 2: "流水大（2）"}
    # 未登记说法的特征用“<中文名>高/低”
    other = pd.DataFrame({"loan_amount": [0.9, -0.9]}, index=[1, 2])
    assert BehaviorSegmenter._name_segments(other, 0.5, 2) == {1: "贷款金额高", 2: "贷款金额低"}


def test_segmenter_bad_input():
    X = _clusters()
    with pytest.raises(NotFittedError, match="还没有训练"):
        BehaviorSegmenter().predict(X)
    with pytest.raises(RuralfinValueError, match="缺少列"):
        BehaviorSegmenter(3).fit(X)  # 默认特征不在表里
    with pytest.raises(RuralfinValueError, match="缺少列：inflow_avg.*没有列名的数组.*DataFrame"):
        BehaviorSegmenter(2, features=["inflow_avg"]).fit(X.to_numpy())  # 数组没有列名，按名字找不到
    with pytest.raises(RuralfinTypeError, match="DataFrame 或二维数组"):
        BehaviorSegmenter(2, features=["inflow_avg"]).fit("inflow_avg")
    with pytest.raises(RuralfinValueError, match="少于要分的群数"):
        BehaviorSegmenter(5, features=["inflow_avg"]).fit(X.head(3))
    with pytest.raises(RuralfinValueError, match="全是缺失值"):
        BehaviorSegmenter(2, features=["inflow_avg", "inflow_cv"]).fit(X.assign(inflow_cv=np.nan))
    with pytest.raises(RuralfinValueError, match="无穷大"):
        BehaviorSegmenter(2, features=["inflow_avg"]).fit(X.assign(inflow_avg=np.inf))
    with pytest.raises(RuralfinValueError, match="log_features"):
        BehaviorSegmenter(2, features=["inflow_avg"], log_features=["inflow_cv"]).fit(X)
    with pytest.raises(RuralfinValueError, match="n_segments"):
        BehaviorSegmenter(1, features=["inflow_avg"]).fit(X)
    seg = BehaviorSegmenter(2, features=["inflow_avg", "inflow_cv"]).fit(X)
    with pytest.raises(RuralfinValueError, match="缺少训练时用过的列：inflow_cv"):
        seg.predict(X[["inflow_avg"]])


def test_segmenter_handles_missing_values():
    X = _clusters()
    X.loc[[0, 70], "inflow_cv"] = np.nan
    seg = BehaviorSegmenter(3, features=["inflow_avg", "inflow_cv"]).fit(X)
    assert seg.labels_[70] == seg.labels_[71]  # 缺失填中位数后仍归入“流水大”那一群


def test_plot_segment_profiles():
    X = _clusters()
    seg = BehaviorSegmenter(3, features=["inflow_avg", "inflow_cv"]).fit(X)
    ax = plot_segment_profiles(seg.centroid_z_, names=seg.segment_names_)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["月均流入", "流入波动系数"]
    assert ax.get_yticklabels()[1].get_text() == f"2 {seg.segment_names_[2]}"
    assert len(ax.texts) == 6
    plt.close("all")
    with pytest.raises(RuralfinTypeError):
        plot_segment_profiles(X.to_numpy())


# ---------------------------------------------------------------------------
# 坏输入（issue 11）
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [np.inf, -1e6, 2.5])
def test_numeric_entity_ids_must_be_whole_and_not_negative(bad):
    flows = _flows().astype({"entity_id": "float64"})
    flows.loc[0, "entity_id"] = bad
    with pytest.raises(RuralfinValueError, match="flows 的列 entity_id 是编号，应为不小于 0 的整数"):
        behavior_features(flows, "2024-04")
    lm = _loan_monthly().astype({"entity_id": "float64"})
    lm.loc[0, "entity_id"] = bad
    with pytest.raises(RuralfinValueError, match="loan_monthly 的列 entity_id 是编号"):
        behavior_label(lm, "2024-03", horizon=1)


def test_placeholder_text_is_not_an_entity_id():
    flows = _flows().astype({"entity_id": "str"})
    flows.loc[0, "entity_id"] = "暂无"
    with pytest.raises(RuralfinValueError, match="entity_id 是编号，不能为空.*'暂无'"):
        behavior_features(flows, "2024-04")


def test_behavior_sample_needs_ids_of_one_type():
    flows = _flows().astype({"entity_id": "str"})
    with pytest.raises(RuralfinTypeError, match="flows 的列 entity_id 是文本，loan_monthly 的列 entity_id 是数值"):
        behavior_sample(flows, _loan_monthly(), "2024-03", window=3, horizon=3)


def test_segmenter_n_init_has_an_upper_bound():
    with pytest.raises(RuralfinValueError, match="n_init 应为 1 到 100"):
        BehaviorSegmenter(2, features=["inflow_avg"], n_init=10**8).fit(_clusters())


def test_plot_segment_profiles_rejects_text_and_infinite_scores():
    z = pd.DataFrame({"inflow_avg": [1.2, -0.8], "inflow_cv": [-0.3, 0.6]}, index=[1, 2])
    with pytest.raises(RuralfinTypeError, match="应为数值"):
        plot_segment_profiles(z.assign(inflow_cv=["暂无", "0.6"]))
    with pytest.raises(RuralfinValueError, match="无穷大"):
        plot_segment_profiles(z.assign(inflow_cv=[np.inf, 0.6]))
    with pytest.raises(RuralfinTypeError, match="names"):
        plot_segment_profiles(z, names=["流水大", "流水小"])
