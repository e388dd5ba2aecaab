"""生成随库附带的中文字体 ``ruralfin/fonts/RuralfinSansSC-*.ttf``（开发者工具，不随包发布）。

没有系统中文字体、也没有 root 权限的学员（实验室服务器、WSL、Binder 以外的 Linux）
照样要看到中文图表，所以课程库自带一份精简的中文字体，由 :func:`ruralfin.set_theme`
在找不到系统中文字体时注册给 matplotlib。

来源：Noto Sans CJK SC（Adobe 与 Google 的开源字体，SIL Open Font License 1.1），
取自 Debian 的 ``fonts-noto-cjk`` 软件包（版本见 ``ruralfin/fonts/README.md``）。
做了三件事，按 OFL 第 3 条改名为 “Ruralfin Sans SC”：

1. 子集：GB 2312 的全部字符（6,763 个汉字与符号），加上课程文本里出现的每一个字符
   （讲义、练习、库里的中文、数据字典、示范县的地名），以及常用的标点、全角和数学符号；
2. 去掉竖排和排版特性表（matplotlib 用不到），保留字距；
3. 把 CFF（三次曲线）轮廓转换成 TrueType（二次曲线）轮廓：matplotlib 的 PDF/PS
   后端只能嵌入 TrueType 轮廓。

用法（需要 ``pip install fonttools``）::

    apt-get download fonts-noto-cjk && dpkg -x fonts-noto-cjk_*.deb /tmp/noto
    python tools/build_cjk_font.py /tmp/noto/usr/share/fonts/opentype/noto

``tests/test_fonts.py`` 检查课程里出现的每个字符都在这份字体里。
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "ruralfin" / "fonts"
FAMILY = "Ruralfin Sans SC"
PS_BASE = "RuralfinSansSC"
SC_FACE = 2  # NotoSansCJK-*.ttc 里第 3 个字体是简体中文（SC）

EXTRA_RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1（°、±、×、÷、· 等）
    (0x2000, 0x206F),  # 常用标点（—、…、‰、′）
    (0x2100, 0x214F),  # 字母式符号（℃、№）
    (0x2150, 0x218F),  # 数字形式（Ⅰ、Ⅱ）
    (0x2190, 0x21FF),  # 箭头
    (0x2200, 0x22FF),  # 数学运算符（≈、≤、≥、≠、∑）
    (0x2460, 0x24FF),  # 带圈数字
    (0x2500, 0x257F),  # 制表符
    (0x25A0, 0x25FF),  # 几何图形（■、●、△）
    (0x2600, 0x26FF),  # 杂项符号（☆、⚠ 若字体里有）
    (0x2700, 0x27BF),  # 装饰符号（✓、✗）
    (0x3000, 0x303F),  # 中文标点
    (0x3200, 0x33FF),  # 带圈字母与单位（㎡、㎏）
    (0xFF00, 0xFFEF),  # 全角字符
]


def course_characters(root: Path = ROOT) -> set[str]:
    """课程仓库里所有文本出现过的字符（讲义、练习、答案、库、数据字典、示范县的类别与地名）。"""
    chars: set[str] = set()
    patterns = ["ruralfin/**/*.py", "notebooks/*.ipynb", "solutions/*.ipynb", "exercises/*.ipynb",
                "data/*.md", "*.md", "notebooks/*.md", "exercises/*.md", "solutions/*.md",
                "ruralfin/**/*.json", "ruralfin/**/*.csv"]
    for pattern in patterns:
        for path in root.glob(pattern):
            text = path.read_text(encoding="utf-8", errors="ignore")
            if path.suffix == ".ipynb":
                nb = json.loads(text)
                text = "\n".join("".join(c.get("source", "")) for c in nb.get("cells", []))
            chars.update(text)
    return {c for c in chars if c.isprintable() and not c.isspace()}


def wanted_codepoints(root: Path = ROOT) -> set[int]:
    cps = set()
    for cp in range(0x20, 0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        try:
            chr(cp).encode("gb2312")
        except UnicodeEncodeError:
            continue
        cps.add(cp)
    for lo, hi in EXTRA_RANGES:
        cps.update(range(lo, hi + 1))
    cps.update(ord(c) for c in course_characters(root))
    return cps


def _to_truetype(font) -> None:
    """CFF 轮廓 -> TrueType 轮廓（cu2qu），就地修改。"""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    del font["CFF "]
    for tag in ("VORG",):
        if tag in font:
            del font[tag]
    font["maxp"].tableVersion = 0x00010000
    for attr, value in dict(maxZones=1, maxTwilightPoints=0, maxStorage=0, maxFunctionDefs=0,
                            maxInstructionDefs=0, maxStackElements=0, maxSizeOfInstructions=0,
                            maxComponentElements=0, maxPoints=0, maxContours=0,
                            maxCompositePoints=0, maxCompositeContours=0, maxComponentDepth=0).items():
        setattr(font["maxp"], attr, value)
    font["head"].indexToLocFormat = 0
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font.sfntVersion = "\x00\x01\x00\x00"
    font.recalcBBoxes = True


def _rename(font, style: str, version: str) -> None:
    name = font["name"]
    full = f"{FAMILY} {style}" if style != "Regular" else FAMILY
    ps = f"{PS_BASE}-{style}"
    texts = {
        1: FAMILY,
        2: style,
        3: f"{version};ruralfin;{ps}",
        4: full,
        5: f"Version {version}; subset of Noto Sans CJK SC for ruralfin",
        6: ps,
        16: FAMILY,
        17: style,
    }
    name.names = [r for r in name.names if r.nameID not in (1, 2, 3, 4, 5, 6, 16, 17, 18, 21, 22)]
    for nid, text in texts.items():
        name.setName(text, nid, 3, 1, 0x409)
        name.setName(text, nid, 1, 0, 0)


def build(src_dir: Path, out_dir: Path = OUT_DIR) -> list[Path]:
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    cps = wanted_codepoints()
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for style in ("Regular", "Bold"):
        src = src_dir / f"NotoSansCJK-{style}.ttc"
        font = TTCollection(str(src)).fonts[SC_FACE]
        version = re.match(r"Version ([\d.]+)", font["name"].getDebugName(5)).group(1)
        opts = subset.Options()
        opts.layout_features = ["kern", "liga", "locl"]
        opts.drop_tables += ["VORG", "vhea", "vmtx", "BASE", "GSUB"]
        opts.name_IDs = ["*"]
        opts.notdef_outline = True
        opts.hinting = False
        sub = subset.Subsetter(opts)
        sub.populate(unicodes=cps)
        sub.subset(font)
        _to_truetype(font)
        _rename(font, style, version)
        path = out_dir / f"{PS_BASE}-{style}.ttf"
        font.save(str(path))
        written.append(path)
        print(f"{path.relative_to(ROOT)}：{len(font.getBestCmap()):,} 个字符，{path.stat().st_size / 1e6:.1f} MB")
    return written


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("src_dir", type=Path, help="含 NotoSansCJK-Regular.ttc 与 NotoSansCJK-Bold.ttc 的文件夹")
    args = p.parse_args(argv)
    build(args.src_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
