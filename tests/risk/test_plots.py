import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from ruralfin.errors import RuralfinValueError
from ruralfin.risk.binning import WoEBinner, plot_bad_rate, plot_bins, plot_woe
from ruralfin.risk.metrics import gains_table, ks_statistic, plot_gains, plot_ks



@pytest.fixture(scope="module")
def binner(credit_factory):
    X, y = credit_factory(2000, seed=8)
    return WoEBinner(max_bins=4).fit(X, y), X, y


def test_plot_woe_bars_match_the_table(binner):
    b, X, y = binner
    t = b.binning_table("age")
    ax = plot_woe(t, feature="age")
    shown = t[t["n_obs"] > 0]
    heights = [p.get_height() for p in ax.patches]
    np.testing.assert_allclose(heights, shown["woe"])
    ticks = [tk.get_text() for tk in ax.get_xticklabels()]
    assert ticks[-1] == "缺失"  # 缺失箱用中文名
    assert ax.get_ylabel() == "WoE"
    assert ax.get_xlabel() == "分箱"
    assert ax.get_title() == "age 各箱的WoE"


def test_plot_bad_rate_uses_given_ax_and_draws_overall_line(binner):
    b, X, y = binner
    fig, ax = plt.subplots()
    out = plot_bad_rate(b.binning_table(), feature="crop", ax=ax, title="作物")
    assert out is ax
    assert ax.get_title() == "作物"
    t = b.binning_table("crop")
    np.testing.assert_allclose([p.get_height() for p in ax.patches], t.loc[t["n_obs"] > 0, "bad_rate"])
    assert ax.lines[0].get_ydata()[0] == pytest.approx(y.mean())
    assert ax.get_ylabel() == "坏样本率"


def test_plot_bins_needs_a_feature_for_the_full_table(binner):
    b, X, y = binner
    with pytest.raises(RuralfinValueError, match="请用 feature= 指定"):
        plot_bins(b.binning_table())
    with pytest.raises(RuralfinValueError, match="kind 不认识"):
        plot_bins(b.binning_table("age"), kind="iv")


def test_plot_ks_marks_the_ks_gap(binner):
    b, X, y = binner
    df = pd.DataFrame({"is_default": y, "risk": b.transform(X).sum(axis=1)})
    ax = plot_ks(df, target="is_default", score="risk")
    ks = ks_statistic(df["is_default"], df["risk"])
    assert ax.get_title() == f"KS 曲线（KS = {ks:.3f}）"
    gap = ax.collections[0].get_segments()[0]
    assert abs(gap[1][1] - gap[0][1]) == pytest.approx(ks)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["累计坏样本捕获率", "累计好样本占比"]
    ax2 = plot_ks(target=y.to_numpy(), score=-df["risk"].to_numpy(), higher_is_safer=True)
    np.testing.assert_allclose(ax2.lines[0].get_ydata(), ax.lines[0].get_ydata())
    with pytest.raises(RuralfinValueError, match="缺少列：score"):
        plot_ks(df, target="is_default", score="score")


def test_plot_gains(binner):
    b, X, y = binner
    t = gains_table(y, b.transform(X).sum(axis=1), n_bands=5)
    ax = plot_gains(t)
    x, yy = ax.lines[0].get_data()
    assert x[0] == 0 and yy[-1] == pytest.approx(1.0)
    assert len(x) == len(t) + 1
    assert ax.get_ylabel() == "累计坏样本捕获率"


def test_default_title_uses_the_registered_chinese_label():
    # 登记过的特征：标题用中文名（不带单位），不用列代码
    t = pd.DataFrame({"bin": ["[-inf, 30)", "[30, inf)"], "woe": [-0.5, 0.8], "bad_rate": [0.02, 0.09],
                      "n_obs": [60, 40]})
    ax = plot_bins(t, kind="bad_rate", feature="max_dpd_24m")
    assert ax.get_title() == "近 24 个月最长逾期天数 各箱的坏样本率"
    assert "max_dpd_24m" not in ax.get_title()
    assert plot_woe(t, feature="max_dpd_24m").get_title() == "近 24 个月最长逾期天数 各箱的WoE"
    # 未登记的特征：退回列代码
    assert plot_bad_rate(t, feature="x_unregistered").get_title() == "x_unregistered 各箱的坏样本率"
    plt.close("all")
