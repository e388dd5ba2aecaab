"""迁移矩阵与滚动率：手算的小面板、结清列、逐月向前滚动率、热力图。"""

import numpy as np
import pandas as pd
import pytest

from ruralfin import labels
from ruralfin.errors import RuralfinTypeError, RuralfinValueError
from ruralfin.risk.classification import DPD_BUCKETS, classify_loans
from ruralfin.risk.migration import (
    migration_matrix,
    plot_migration,
    plot_roll_rates,
    roll_forward_rates,
    roll_rate_matrix,
)


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



def test_from_month_accepts_text_dates_and_periods():
    panel = _toy_dpd_panel()
    full = roll_rate_matrix(panel, normalize=False)
    for when in ("2024-02", pd.Timestamp("2024-02-29"), pd.Period("2024-02", "M")):
        feb = roll_rate_matrix(panel, normalize=False, from_month=when)
        assert feb.to_numpy().sum() == 6
    assert roll_rate_matrix(panel, normalize=False, from_month="2024-01").to_numpy().sum() \
        + roll_rate_matrix(panel, normalize=False, from_month="2024-02").to_numpy().sum() == full.to_numpy().sum()
    with pytest.raises(RuralfinTypeError, match="from_month"):
        roll_rate_matrix(panel, from_month=3)


def test_missing_loan_id_is_reported():
    panel = _toy_dpd_panel().astype({"loan_id": "object"})
    panel.loc[0, "loan_id"] = None
    with pytest.raises(RuralfinValueError, match="loan_id.*不能为空"):
        roll_rate_matrix(panel)


# ---------------------------------------------------------------- 图
def test_heatmaps_have_labels_from_the_registry():
    ax = plot_roll_rates(roll_rate_matrix(_toy_dpd_panel()))
    assert [t.get_text() for t in ax.get_yticklabels()] == list(DPD_BUCKETS)
    assert ax.get_xticklabels()[-1].get_text() == labels.value_label("next_bucket", "closed")
    assert ax.get_title() == labels.text("migration.roll_title")
    ax = plot_migration(migration_matrix(_grade_panel()), title="自定义标题")
    assert ax.get_xticklabels()[0].get_text() == "正常"
    assert ax.get_title() == "自定义标题" and ax.get_xlabel() == labels.text("migration.grade_xlabel")
    with pytest.raises(RuralfinTypeError):
        plot_migration([1, 2])


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




@pytest.fixture(scope="module")
def county_loan_monthly(county):
    return county["loan_monthly"]


def test_county_roll_and_migration_shapes(county_loan_monthly):
    lm = county_loan_monthly
    rr = roll_rate_matrix(lm)
    sums = rr.sum(axis=1)
    np.testing.assert_allclose(sums[sums > 0], 1.0)
    counts = migration_matrix(classify_loans(lm, period="month"), normalize=False)
    months = lm["month"]
    assert counts.to_numpy().sum() == (months < months.max()).sum()


def test_migration_outputs_are_registered():
    m, rr = migration_matrix(_grade_panel()), roll_rate_matrix(_toy_dpd_panel())
    produced = {m.index.name, m.columns.name, rr.index.name, rr.columns.name}
    assert [c for c in sorted(produced) if not labels.is_registered(c)] == []


# ---------------------------------------------------------------- 坏输入（issue 11）
def test_heatmaps_reject_text_cells_infinity_and_bad_formats():
    m = roll_rate_matrix(_toy_dpd_panel())
    with pytest.raises(RuralfinTypeError, match="matrix 中这些列应为数值：M1"):
        plot_roll_rates(m.astype({"M1": "str"}))
    with pytest.raises(RuralfinValueError, match="无穷大"):
        plot_roll_rates(m.assign(M1=np.inf))
    with pytest.raises(RuralfinValueError, match="fmt='__no_such__' 不是数字的格式写法"):
        plot_roll_rates(m, fmt="__no_such__")
    with pytest.raises(RuralfinTypeError, match="fmt 应为格式字符串"):
        plot_migration(migration_matrix(_grade_panel()), fmt=123)
    assert plot_roll_rates(m, fmt=".2f") is not None
