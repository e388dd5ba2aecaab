"""没有系统中文字体、没有 root 权限也能画中文图：随库字体、过期缓存、重复 set_theme。"""

import importlib.util
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import pytest

from ruralfin import plotting

ROOT = Path(__file__).resolve().parents[1]


def _course_characters() -> set[str]:
    spec = importlib.util.spec_from_file_location("build_cjk_font", ROOT / "tools" / "build_cjk_font.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.course_characters(ROOT)


def test_bundled_font_ships_regular_and_bold_with_licence():
    names = [p.name for p in plotting.bundled_font_files()]
    assert names == ["RuralfinSansSC-Bold.ttf", "RuralfinSansSC-Regular.ttf"]
    licence = (ROOT / "ruralfin" / "fonts" / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "Adobe" in licence


def test_bundled_font_covers_every_character_the_course_uses():
    """讲义、练习、库与数据字典里的每个字符，随库字体或拉丁后备字体（DejaVu Sans）至少有一个能显示。"""
    from matplotlib import ft2font
    from matplotlib.font_manager import findfont

    bundled = set()
    for path in plotting.bundled_font_files():
        bundled |= set(ft2font.FT2Font(str(path)).get_charmap())
    latin = set(ft2font.FT2Font(findfont("DejaVu Sans")).get_charmap())
    chars = _course_characters()
    assert len(chars) > 1000  # 真的读到了课程文本（约 1,500 个不同字符）
    missing = sorted(c for c in chars if ord(c) not in bundled and ord(c) not in latin and ord(c) > 0x2000
                     and not (0x1F000 <= ord(c) <= 0x1FAFF) and ord(c) not in (0xFE0F, 0x200D))
    assert not missing, f"随库字体缺这些字符，请重新运行 tools/build_cjk_font.py：{''.join(missing)}"


HIDE_SYSTEM_CJK = textwrap.dedent(
    """
    import warnings
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib import font_manager as fm
    from matplotlib import ft2font
    # 模拟一台没有任何系统中文字体的机器：缓存里和磁盘上的中文字体统统藏起来
    def _is_cjk(path):
        try:
            return 0x4E0D in ft2font.FT2Font(path).get_charmap()  # “不”
        except Exception:
            return False
    fm.fontManager.ttflist = [f for f in fm.fontManager.ttflist if not _is_cjk(f.fname)]
    fm.fontManager._findfont_cached.cache_clear()
    _orig = fm.findSystemFonts
    fm.findSystemFonts = lambda *a, **k: [p for p in _orig(*a, **k) if not _is_cjk(p)]
    """
)


def _run_isolated(code: str, tmp_path) -> str:
    env = {"MPLCONFIGDIR": str(tmp_path / "mpl"), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
           "PYTHONWARNINGS": "error:Glyph:UserWarning"}
    out = subprocess.run([sys.executable, "-c", HIDE_SYSTEM_CJK + textwrap.dedent(code)], capture_output=True,
                         text=True, env=env, cwd=tmp_path, timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    return out.stdout


def test_no_system_cjk_font_uses_bundled_font_and_draws_without_tofu(tmp_path):
    """没有系统中文字体（也没有 root 装字体）：set_theme 选随库字体，图中没有一个方框，也不发警告。"""
    out = _run_isolated(
        """
        import ruralfin as rf
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            font = rf.set_theme()
            import matplotlib.pyplot as plt
            fig, ax = plt.subplots()
            ax.set_title("不良贷款率 −0.5%，柳溪镇（万元）")
            ax.set_xlabel("贷款余额（万元）")
            fig.canvas.draw()
            fig.savefig("chart.pdf")
        print(font)
        """,
        tmp_path,
    )
    assert out.strip() == "Ruralfin Sans SC"
    assert (tmp_path / "chart.pdf").stat().st_size > 1000


def test_doctor_font_check_passes_without_system_font(tmp_path):
    out = _run_isolated(
        """
        from ruralfin.doctor import _check_font
        c = _check_font()
        print(c.status, c.detail if hasattr(c, "detail") else c)
        """,
        tmp_path,
    )
    assert out.startswith("ok"), out


def test_stale_cache_gains_new_fonts_in_place(monkeypatch, restore_rc):
    """装字体前就建好的缓存：补进新字体时不换掉 fontManager（Agg 后端导入时就记住了它）。"""
    from matplotlib import font_manager
    from matplotlib.backends import backend_agg

    manager = font_manager.fontManager
    saved = list(manager.ttflist)
    new_file = str(plotting.bundled_font_files()[1])
    manager.ttflist = [f for f in saved if f.name != plotting.BUNDLED_FONT]
    manager._findfont_cached.cache_clear()
    monkeypatch.setattr(font_manager, "findSystemFonts", lambda *a, **k: [new_file])
    monkeypatch.setattr(mpl, "get_cachedir", lambda: str(Path(new_file).parent / "__no_such_dir__"))
    try:
        plotting._rebuild_font_cache()
        assert font_manager.fontManager is manager is backend_agg._fontManager
        assert plotting.BUNDLED_FONT in {f.name for f in manager.ttflist}
        mpl.rcParams["font.sans-serif"] = [plotting.BUNDLED_FONT, "DejaVu Sans"]
        mpl.rcParams["font.family"] = "sans-serif"
        fig, ax = plt.subplots()
        ax.set_title("不良贷款率")
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            fig.canvas.draw()
    finally:
        manager.ttflist = saved
        manager._findfont_cached.cache_clear()


def test_set_theme_twice_keeps_inline_display_on(restore_rc):
    """再运行一遍导入单元格（第二次 set_theme）后，交互模式和后端都不变，之后的图照常显示。"""
    backend = mpl.get_backend()
    mpl.interactive(True)
    try:
        plotting.set_theme()
        plotting.set_theme(context="talk")
        assert mpl.is_interactive()
        assert mpl.get_backend() == backend
        assert mpl.rcParams["font.size"] == pytest.approx(12 * 1.5 * 1.25)
    finally:
        mpl.interactive(False)
