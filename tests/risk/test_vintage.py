"""账龄分析（vintage）：手算的 30+/90+ 曲线、按金额加权、面板前放款的批次、账龄曲线图。"""

import numpy as np
import pandas as pd
import pytest

from ruralfin import labels
from ruralfin.errors import RuralfinTypeError, RuralfinValueError
from ruralfin.risk.vintage import plot_vintage, vintage_table


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



def test_plot_vintage_labels_and_overrides():
    ax = plot_vintage(vintage_table(_vintage_panel()))
    assert len(ax.get_lines()) == 2 and "账龄" in ax.get_xlabel()
    assert ax.get_ylabel() == labels.text("vintage.ylabel_percent")
    assert ax.get_legend().get_title().get_text() == labels.text("vintage.legend_title")
    ax = plot_vintage(vintage_table(_vintage_panel()), percent=False, title="累计 30+ 逾期率")
    assert ax.get_ylabel() == labels.label("ever_bad_rate") and ax.get_title() == "累计 30+ 逾期率"
    with pytest.raises(RuralfinTypeError):
        plot_vintage([1, 2])


def test_county_vintage_shapes(county):
    lm = county["loan_monthly"]
    n_months = lm["month"].nunique()
    v = vintage_table(lm)
    assert v.shape[1] == n_months and v.shape[0] <= n_months
    assert v.index.is_monotonic_increasing
    # 累计率随账龄不减
    diffs = v.diff(axis=1).iloc[:, 1:].to_numpy()
    assert np.nanmin(diffs) >= -1e-12
    assert np.nanmax(v.to_numpy()) <= 1


def test_vintage_outputs_are_registered():
    produced = set(vintage_table(_vintage_panel(), wide=False).columns) | {"cohort", "mob"}
    assert [c for c in sorted(produced) if not labels.is_registered(c)] == []


def test_plot_vintage_rejects_text_and_infinite_rates():
    tab = vintage_table(_vintage_panel())
    with pytest.raises(RuralfinTypeError, match="table 中这些列应为数值"):
        plot_vintage(tab.astype({1: "str"}))
    bad = tab.copy()
    bad.iloc[0, 1] = np.inf
    with pytest.raises(RuralfinValueError, match="无穷大"):
        plot_vintage(bad)
    with pytest.raises(RuralfinTypeError, match="percent 应为 True 或 False"):
        plot_vintage(tab, percent="yes")
