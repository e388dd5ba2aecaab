import warnings

import matplotlib as mpl
import matplotlib.pyplot as plt
import pytest

from ruralfin import plotting
from ruralfin.errors import RuralfinWarning


def test_set_theme_picks_a_cjk_font_and_renders_without_missing_glyphs(restore_rc):
    font = plotting.set_theme()
    assert font in (*sum(plotting.CJK_FONT_CANDIDATES.values(), ()), plotting.BUNDLED_FONT)
    assert mpl.rcParams["font.sans-serif"][:2] == [font, "DejaVu Sans"]
    assert mpl.rcParams["axes.unicode_minus"] is False
    assert mpl.rcParams["date.autoformatter.month"] == "%Y-%m"
    fig, ax = plt.subplots()
    ax.set_title("不良贷款率 −0.5%")
    ax.plot([-1, 1])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.canvas.draw()


def test_works_after_and_instead_of_seaborn(restore_rc):
    import seaborn as sns

    sns.set_theme()
    font = plotting.set_theme()
    assert mpl.rcParams["font.sans-serif"][0] == font
    assert mpl.rcParams["font.size"] == 15.0  # notebook 档 12 号 × 1.25，投影可读
    assert mpl.rcParams["axes.grid"] is True  # whitegrid


def test_set_theme_does_not_import_seaborn(restore_rc):
    import subprocess
    import sys

    code = "import sys, matplotlib; matplotlib.use('Agg'); import ruralfin as rf; rf.set_theme(); print('seaborn' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "False"


def test_set_theme_rejects_unknown_style(restore_rc):
    from ruralfin.errors import RuralfinValueError

    with pytest.raises(RuralfinValueError, match="context"):
        plotting.set_theme(context="huge")
    with pytest.raises(RuralfinValueError, match="whitegrid"):
        plotting.set_theme(style="neon")


def test_no_font_warns_once_in_chinese(monkeypatch, restore_rc):
    monkeypatch.setattr(plotting, "_installed_names", lambda: set())
    monkeypatch.setattr(plotting, "_rebuild_font_cache", lambda: None)
    monkeypatch.setattr(plotting, "bundled_font_files", lambda: [])  # 连随库字体也丢了（如被误删）
    monkeypatch.setattr(plotting, "_warned_no_font", False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert plotting.set_theme() is None
        plotting.set_theme()
    ours = [w for w in caught if issubclass(w.category, RuralfinWarning)]
    assert len(ours) == 1
    assert "未找到可用的中文字体" in str(ours[0].message) and "apt-get install fonts-noto-cjk" in str(ours[0].message)
    assert mpl.rcParams["font.sans-serif"] == ["DejaVu Sans"]


def test_stale_cache_is_rebuilt(monkeypatch):
    calls = []
    state = {"names": {"DejaVu Sans"}}
    monkeypatch.setattr(plotting, "_installed_names", lambda: state["names"])

    def rebuild():
        calls.append(1)
        state["names"] = {"DejaVu Sans", "WenQuanYi Zen Hei"}

    monkeypatch.setattr(plotting, "_rebuild_font_cache", rebuild)
    monkeypatch.setattr(plotting, "_rescanned", False)
    assert plotting.find_cjk_font() == "WenQuanYi Zen Hei"
    assert calls == [1]


def test_platform_candidates_come_first(monkeypatch):
    monkeypatch.setattr(plotting.platform, "system", lambda: "Windows")
    assert plotting._candidates()[:3] == ["Microsoft YaHei", "SimHei", "DengXian"]
    monkeypatch.setattr(plotting.platform, "system", lambda: "Darwin")
    assert plotting._candidates()[0] == "PingFang SC"


def test_label_axes_uses_registry():
    ax = plotting.get_ax()
    plotting.label_axes(ax, x="loan_amount", y="prob_default", title="示例")
    assert ax.get_xlabel() == "贷款金额（万元）"
    assert ax.get_ylabel() == "违约概率"
    ax.bar(["甲", "乙"], [1.234, 5.0])
    plotting.annotate_bars(ax, fmt="{:.1f}")
    assert [t.get_text() for t in ax.texts] == ["1.2", "5.0"]


def test_every_topic_plot_is_reachable_from_plotting():
    import importlib
    import pkgutil

    import ruralfin

    found = {}
    for info in pkgutil.walk_packages(ruralfin.__path__, "ruralfin."):
        if info.name.split(".")[-1].startswith("_") or info.name.startswith("ruralfin.labels") or info.name == "ruralfin.plotting":
            continue
        mod = importlib.import_module(info.name)
        for name in getattr(mod, "__all__", ()):
            if name.startswith("plot_"):
                found[name] = info.name
    assert found == plotting.TOPIC_PLOTS
    for name, module in found.items():
        assert getattr(plotting, name) is getattr(importlib.import_module(module), name)
    assert "plot_vintage" in dir(plotting)
    with pytest.raises(AttributeError, match="画图函数见"):
        plotting.plot_nothing  # noqa: B018


def test_a_wrong_ax_is_a_chinese_error_not_an_attribute_error():
    """ax="abc"（或数字）曾在画到一半时抛 AttributeError: 'str' object has no attribute 'bar'（issue 11）。"""
    import pandas as pd

    from ruralfin.errors import RuralfinTypeError
    from ruralfin.risk.metrics import plot_ks

    with pytest.raises(RuralfinTypeError, match=r"参数 ax 应为 matplotlib 的 Axes（如 fig, ax = plt\.subplots\(\) 得到的 ax）.*实际是 str：'abc'"):
        plot_ks(pd.DataFrame({"is_default": [0, 1, 0, 1], "prob_default": [0.1, 0.8, 0.3, 0.6]}), ax="abc")
    for helper in (plotting.label_axes, plotting.annotate_bars):
        with pytest.raises(RuralfinTypeError, match="参数 ax 应为 matplotlib 的 Axes.*实际是 int：123"):
            helper(123)
    with pytest.raises(RuralfinTypeError, match="参数 rc 应为字典（映射）（可省略），实际是 str"):
        plotting.set_theme(rc="abc")
    plt.close("all")
