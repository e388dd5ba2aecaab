"""全国公开统计数：课程引用的贷款余额、利率、主体数量，每个数都带时点、口径、来源和可信度。

数字本身在随包的数据文件 ``public_figures.csv``（UTF-8，每行一个数，``source`` 列是出处），
全部摘自公开报道与官方发布（出处逐条写在 ``source`` 列），不含任何估算；本模块只负责读取和筛选。
要补一个数：在 CSV 里加一行（``source`` 必填），并在 ``labels/_economics.py`` 的 ``figure``
取值里登记它的中文名。
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import pandas as pd

from .._validation import check_choice

__all__ = ["PUBLIC_FIGURE_CATEGORIES", "PUBLIC_FIGURES_FILE", "public_figures"]

PUBLIC_FIGURE_CATEGORIES = ("loan_balance", "loan_rate", "entity_count", "other")

#: 随包数据文件名（在 ``ruralfin/economics/`` 下）
PUBLIC_FIGURES_FILE = "public_figures.csv"

_COLUMNS = ["figure", "category", "stat_basis", "period", "value", "unit", "growth_pct",
            "growth_basis", "verified", "note", "source"]
_NUMBERS = ("value", "growth_pct")


@lru_cache(maxsize=1)
def _table() -> pd.DataFrame:
    path = resources.files(__package__).joinpath(PUBLIC_FIGURES_FILE)
    with path.open("r", encoding="utf-8") as fh:
        # 文字列里的空格子就是空文字（如没有备注），只有数值列的空格子是缺失值
        df = pd.read_csv(fh, dtype={c: "str" for c in _COLUMNS if c not in _NUMBERS} | {c: "float64" for c in _NUMBERS},
                         keep_default_na=False, na_values={c: [""] for c in _NUMBERS})
    return df[_COLUMNS]


def public_figures(category: str | None = None, *, figure: str | None = None) -> pd.DataFrame:
    """课程引用的全国公开统计数：每个数都带时点、口径、来源和可信度。

    全部摘自公开报道与官方发布（出处逐条写在 ``source`` 列），不含任何估算，存放在随包的
    ``public_figures.csv`` 里。``verified`` 为 ``V`` 表示已在所列来源中看到，``S`` 表示只见于二手来源、
    引用前应核对原文。注意两套“普惠小微”口径不能混用：``PBOC``（人民银行，
    单户授信 < 1000 万元，含个体工商户和小微企业主经营性贷款）与 ``NFRA``
    （金融监管总局“普惠型小微企业贷款”，单户授信 ≤ 1000 万元）。

    Parameters
    ----------
    category : str, optional
        只取一类：``loan_balance``（贷款余额）、``loan_rate``（利率）、
        ``entity_count``（主体数量）、``other``。
    figure : str, optional
        只取一个指标，如 ``"inclusive_sme_new_loan_rate"``。

    Returns
    -------
    DataFrame
        列：``figure``、``category``、``stat_basis``（统计口径）、``period``（时点）、
        ``value``、``unit``、``growth_pct``（增速，百分数）、``growth_basis``（同比/较年初）、
        ``verified``、``note``、``source``。``value`` 的单位见 ``unit`` 列（利率一行为百分数）。
        每次返回新表，可以放心修改。

    Examples
    --------
    >>> rates = public_figures(figure="inclusive_sme_new_loan_rate")
    >>> rates[["period", "value", "verified"]]
               period  value verified
    0          2018Q4   7.02        V
    1   2021 年 1–5 月   5.68        V
    2  2022 年 1–10 月   5.28        V
    3         2023 全年   4.78        V
    4  2024 年 1–4 月   4.45        V
    >>> sorted(public_figures("entity_count")["figure"].unique())
    ['family_farms', 'farmer_cooperatives', 'individual_businesses', 'new_agri_entities']
    """
    df = _table()
    if category is not None:
        check_choice(category, PUBLIC_FIGURE_CATEGORIES, "category")
        df = df[df["category"] == category]
    if figure is not None:
        check_choice(figure, list(dict.fromkeys(_table()["figure"])), "figure")
        df = df[df["figure"] == figure]
    return df.reset_index(drop=True).copy()
