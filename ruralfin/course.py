"""课程本身的资料：课程地图与课程大纲里的背景数字。

课程地图（哪一课讲大纲的哪一条）只在这里登记一次：导览课、``notebooks/README.md``
都由它而来。
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

__all__ = ["course_map", "render_notebooks_readme", "outline_survey", "BREAKTHROUGHS", "DIGITAL_CHANGES", "PARTICIPANTS"]

#: (编号, 文件名, 标题, 讲授的大纲条目, 课程部分)
_MAP = [
    ("00", "00_overview.ipynb", "课程导览：背景、现状与工具", "背景；二（一）现状、数字技术带来的五个变革；二（二）参与方由一维到多维", "导论"),
    ("01", "01_county_tour.ipynb", "示范县数据导览", "全课程共用的合成数据：五类客群、七大数据、贷款与表现", "导论"),
    ("11", "11_goals.ipynb", "银行发展三农金融的目标", "一（一）1–3：监管指标、收益与成本、贷款利差与综合收益、风险成本", "一、客群分析"),
    ("12", "12_segments.ipynb", "三农客群与精准营销调研", "一（二）五类客群；一（三）1–2：调研、交叉营销、存量挖掘、组合销售", "一、客群分析"),
    ("21", "21_peers.ipynb", "同业竞争调研", "一（四）1–3；三（一）3", "一、客群分析"),
    ("22", "22_products.ipynb", "我行产品与差异化匹配", "一（五）；一（六）1–4；三（一）1", "一、客群分析"),
    ("31", "31_services.ipynb", "综合金融服务策略", "一（七）1–3；三（一）2（1）", "三、核心工作"),
    ("32", "32_seven_data.ipynb", "七大数据与数据积累", "一（七）4；三（一）2（2）；案例分析", "三、核心工作"),
    ("41", "41_marketing.ipynb", "途径一：获客营销", "四 1：被动、主动、价值、数据、批量、组合营销", "四、五个途径"),
    ("42", "42_crosscheck.ipynb", "途径二（上）：线下人工与小微信贷技术风控", "四 2：传统线下人工风控、小微信贷技术风控、三维度的数据交叉验证", "四、五个途径"),
    ("43", "43_scorecard.ipynb", "途径二（中）：大数据模型——行为分析与信用评分", "四 2：大数据模型风控、客户行为管理模型（2）（3）", "四、五个途径"),
    ("44", "44_lifecycle.ipynb", "途径二（下）：预授信审批、贷后监测与催收", "四 2：（4）（5）（6）", "四、五个途径"),
    ("45", "45_data_tech.ipynb", "途径三：数据分析与科技应用", "四 3：结构化与非结构化数据；案例分析", "四、五个途径"),
    ("51", "51_team_goals.ipynb", "高效信贷团队的目标与执行", "五（一）1–4", "五、团队管理"),
    ("52", "52_operations.ipynb", "经营与管理", "五（二）1–6", "五、团队管理"),
    ("60", "60_capstone.ipynb", "综合实战：一个支行的明年计划", "全部", "综合"),
]

#: 背景：区域中小银行需要突破的三个重点（课程大纲“背景 2”）。
BREAKTHROUGHS = ("扩张普惠业务规模", "有效控制成本", "合理防范风险")

#: 数字技术促使三农金融商业模式发生的五个变革（课程大纲 二（一）2）。
DIGITAL_CHANGES = ("三农金融产品创新", "信贷技术变革", "农村金融变革", "新型风控模型变革", "场景增信变革")

#: 三农金融的参与方（课程大纲 二（二））。
PARTICIPANTS = ("传统商业银行", "金融科技机构", "海量大数据平台", "非银行金融机构")


def course_map(*, root: str | Path | None = None) -> pd.DataFrame:
    """课程地图：每一课的编号、文件、标题、讲授的大纲条目，以及文件是否已就绪。

    Examples
    --------
    >>> m = course_map()
    >>> m.loc[m["lesson"] == "11", "title"].item()
    '银行发展三农金融的目标'
    >>> list(m.columns)
    ['lesson', 'part', 'title', 'outline', 'file', 'ready']
    """
    import os

    from ._validation import check_instance

    check_instance(root, (str, os.PathLike), "root", allow_none=True)
    root = Path(root) if root is not None else Path(__file__).resolve().parents[1]
    df = pd.DataFrame(_MAP, columns=["lesson", "file", "title", "outline", "part"])
    df["ready"] = [(root / "notebooks" / f).exists() for f in df["file"]]
    return df[["lesson", "part", "title", "outline", "file", "ready"]]


def render_notebooks_readme(*, root: str | Path | None = None) -> str:
    """``notebooks/README.md`` 的内容：由课程地图生成（tests 检查文件与之一致）。

    Examples
    --------
    >>> render_notebooks_readme().splitlines()[0]
    '# 课程地图'
    """
    m = course_map(root=root)
    lines = [
        "# 课程地图",
        "",
        "本文件由 `ruralfin.course.render_notebooks_readme()` 生成，请改 `ruralfin/course.py` 后重新生成。",
        "每课的练习本在 `exercises/`、答案本在 `solutions/`，文件名与讲义相同。",
        "",
        "| 课次 | 部分 | 标题 | 讲授的大纲条目 | 文件 | 状态 |",
        "|---|---|---|---|---|---|",
    ]
    for r in m.itertuples():
        status = "已就绪" if r.ready else "编写中"
        link = f"[{r.file}]({r.file})" if r.ready else f"`{r.file}`"
        lines.append(f"| {r.lesson} | {r.part} | {r.title} | {r.outline} | {link} | {status} |")
    return "\n".join(lines) + "\n"


def outline_survey() -> pd.DataFrame:
    """课程大纲“背景”部分引用的疫情期间调研数字。

    大纲只说“有一个调研数据”，**没有注明调研机构、时间和样本**，因此这里把来源
    标为“课程大纲转引，原始出处未核实”；课上只作背景，不宜当作权威统计引用。

    Examples
    --------
    >>> s = outline_survey()
    >>> s[["finding", "share_pct"]]
                                  finding  share_pct
    0               中小微企业现金流只能维持一个月       34.0
    1                小微企业现金流仅能维持两个月       33.0
    2  小微企业基本确定 2020 年营业额下降超过 50% 甚至破产倒闭       30.0
    """
    return pd.DataFrame(
        {
            "finding": [
                "中小微企业现金流只能维持一个月",
                "小微企业现金流仅能维持两个月",
                "小微企业基本确定 2020 年营业额下降超过 50% 甚至破产倒闭",
            ],
            "share_pct": [34.0, 33.0, 30.0],
            "source": ["课程大纲转引的调研，原始出处未核实"] * 3,
        }
    )
