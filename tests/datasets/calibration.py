"""示范县的校准目标：每一条是“县里的一个数 + 它应落在的范围 + 对照的公开数字与出处（或“教学假设”）”。

同一份清单有两个用处：``test_county_realism.py`` 逐条断言县里的数落在范围内（生成器一改坏就失败）；
``python tests/datasets/calibration.py`` 把它写成 ``data/CALIBRATION.md`` 的校准表（测试检查文件与清单一致）。
出处写原始文件（标题、发布方、日期）；[V] 已核实、[S] 二手来源；没有公开数字的写“教学假设”。
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

PAGE = Path(__file__).resolve().parents[2] / "data" / "CALIBRATION.md"
YEAR_END = "2025-12-31"
ASSUMPTION = "教学假设（未找到全国性公开统计）"
SOURCE_FAMILY_FARMS = "[V] 人民日报 2023-12-21 报道的农业农村部数据（截至 2023 年 10 月末）"
SOURCE_NPL_RCB = "[S] 金融监管总局商业银行主要监管指标：农商行不良率 2024 年末 2.8%、2025 年三季度末 2.82%（转载稿）"
SOURCE_PSBC = "[V] 中国邮政储蓄银行 2022-03-29：小额贷款笔均仅 10 万余元"
SOURCE_TAILONG = "[S] 泰隆银行笔均约 50 万元（Wikipedia 转述，2011 年数据）"
SOURCE_PBOC_AGRI = "[S] 人民银行、原银监会《关于建立涉农贷款专项统计制度的通知》（银发〔2007〕246号）的取数规则"


@dataclass(frozen=True)
class Target:
    key: str
    title: str
    compute: Callable[[dict], float]
    low: float
    high: float
    fmt: str
    benchmark: str
    source: str

    def value(self, county: dict) -> float:
        return float(self.compute(county))

    def shown(self, value: float) -> str:
        return self.fmt.format(value)


# ---------------------------------------------------------------- 计算
def _month(table: pd.DataFrame, when: str = YEAR_END) -> pd.DataFrame:
    return table[table["month"] == pd.Timestamp(when)]


def modelled_book(county, when=YEAR_END) -> float:
    return float(_month(county["loan_monthly"], when)["balance"].sum())


def bank_loans(county, when=YEAR_END) -> float:
    """全行各项贷款（万元）：逐笔建模的经营性贷款 + 其他贷款的月度汇总。"""
    return modelled_book(county, when) + float(_month(county["bank_book_monthly"], when)["balance"].sum())


def bank_npl_ratio(county, when="2024-12-31") -> float:
    lm, other = _month(county["loan_monthly"], when), _month(county["bank_book_monthly"], when)
    npl = lm.loc[lm["days_past_due"] > 90, "balance"].sum() + other["npl_balance"].sum()
    return float(npl / bank_loans(county, when))


def bank_agri_share(county, when=YEAR_END) -> float:
    lm = _month(county["loan_monthly"], when).merge(county["loans"][["loan_id", "is_agri_related"]], on="loan_id")
    other = _month(county["bank_book_monthly"], when)
    return float((lm.loc[lm["is_agri_related"], "balance"].sum() + other["agri_related_balance"].sum())
                 / bank_loans(county, when))


def loans_per_manager(county) -> float:
    return modelled_book(county) / len(county["managers"])


def borrowers_per_manager(county) -> float:
    return _month(county["loan_monthly"])["entity_id"].nunique() / len(county["managers"])


def _group_revenue(county, group):
    e = county["entities"]
    return county["truth_entities"].loc[e["customer_group"].to_numpy() == group, "truth_revenue"]


def _profit_2025(county, group):
    rr = county["risk_return"]
    rr = rr[rr["year"] == 2025].merge(county["entities"][["entity_id", "customer_group"]], on="entity_id")
    return rr.loc[rr["customer_group"] == group, "profit"]


def loans_in_urban_area_not_agri(county) -> float:
    """经营地在城区、又不是涉农生产或农资的借款主体，其贷款计入涉农的比例（按规则应为 0）。"""
    loans = county["loans"].merge(county["entities"][["entity_id", "in_urban_area", "industry", "sub_industry"]],
                                  on="entity_id")
    urban = loans["in_urban_area"] & (loans["industry"] != "agri_production") & (loans["sub_industry"] != "agri_inputs")
    return float(loans.loc[urban, "is_agri_related"].mean()) if urban.any() else 0.0


def farmer_loans_inclusive_micro(county) -> float:
    loans = county["loans"].merge(county["entities"][["entity_id", "customer_group"]], on="entity_id")
    return float(loans.loc[loans["customer_group"] == "farmer_household", "is_inclusive_micro"].mean())


TARGETS: list[Target] = [
    Target("bank_loans", "全行各项贷款（2025 年末，亿元）", lambda c: bank_loans(c) / 1e4, 25, 60, "{:.1f}",
           "县域农商行常见几十亿元", ASSUMPTION),
    Target("modelled_share", "逐笔建模的经营性贷款占各项贷款", lambda c: modelled_book(c) / bank_loans(c), 0.2, 0.55,
           "{:.0%}", "个人住房、消费、公司贷款与票据按月汇总，其余逐笔建模", ASSUMPTION),
    Target("bank_npl", "全行不良率（2024 年末，余额口径）", bank_npl_ratio, 0.015, 0.04, "{:.2%}",
           "农商行 2.8%（2024 年末）", SOURCE_NPL_RCB),
    Target("bank_agri_share", "涉农贷款占各项贷款（2025 年末）", bank_agri_share, 0.5, 0.85, "{:.0%}",
           "县域农商行的贷款大多发给农户和农村企业", ASSUMPTION),
    Target("urban_non_agri", "城区借款主体的非农贷款计入涉农的比例", loans_in_urban_area_not_agri, 0.0, 0.0, "{:.0%}",
           "城市企业只按用途计入涉农", SOURCE_PBOC_AGRI),
    Target("farmer_inclusive_micro", "农户经营性贷款计入普惠型小微的比例", farmer_loans_inclusive_micro, 0.0, 0.0,
           "{:.0%}", "农户经营性贷款默认不在普惠型小微口径内",
           "[S] 原银保监会办公厅 2021 年小微金融服务通知的扩大口径条款（推论）"),
    Target("loans_per_manager", "客户经理人均管户经营性贷款（万元）", loans_per_manager, 2000, 9000, "{:,.0f}",
           "每人两三千万元以上", ASSUMPTION),
    Target("borrowers_per_manager", "客户经理人均有贷户数", borrowers_per_manager, 80, 300, "{:.0f}",
           "每人一两百户", ASSUMPTION),
    Target("family_farm_revenue_band", "新型经济组织年经营收入在 10–50 万元的比例",
           lambda c: _group_revenue(c, "new_agri_org").between(10, 50).mean(), 0.45, 0.75, "{:.0%}",
           "家庭农场过半年经营收入 10–50 万元", SOURCE_FAMILY_FARMS),
    Target("family_farm_profit", "新型经济组织平均年净利润（2025 年，万元）",
           lambda c: _profit_2025(c, "new_agri_org").mean(), 8, 16, "{:.1f}",
           "家庭农场平均年净利润 11.6 万元", SOURCE_FAMILY_FARMS),
    Target("farmer_profit_median", "农户年经营利润中位数（2025 年，万元）",
           lambda c: _profit_2025(c, "farmer_household").median(), 2.5, 8, "{:.1f}",
           "种养经营户一年几万元", ASSUMPTION),
    Target("farmer_loss_share", "农户 2025 年经营亏损（利润 ≤ 0）的比例",
           lambda c: (_profit_2025(c, "farmer_household") <= 0).mean(), 0.0, 0.12, "{:.0%}",
           "多数农户经营赚钱，灾年少数亏损", ASSUMPTION),
]


# ---------------------------------------------------------------- 校准表
def render(county: dict) -> str:
    lines = [
        "# 示范县校准表",
        "",
        "本文件由 `python tests/datasets/calibration.py` 从校准清单（`tests/datasets/calibration.py`）生成，"
        "请勿手工修改；`tests/datasets/test_county_realism.py` 逐条断言县里的数落在“目标范围”内。",
        "",
        "“公开数字”一栏是对照的真实世界数字；没有全国性公开统计的写“教学假设”，只表示示范县这样设定，"
        "不是统计事实。[V] 已核实，[S] 二手来源。",
        "",
        "| 校准项 | 示范县 | 目标范围 | 对照的公开数字 | 出处 |",
        "|---|---:|---|---|---|",
    ]
    for t in TARGETS:
        rng = f"{t.shown(t.low)} – {t.shown(t.high)}" if t.low != t.high else t.shown(t.low)
        lines.append(f"| {t.title} | {t.shown(t.value(county))} | {rng} | {t.benchmark} | {t.source} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.path.insert(0, str(PAGE.parents[1]))
    from ruralfin.datasets import make_county

    PAGE.write_text(render(make_county()), encoding="utf-8")
    print(f"已写入 {PAGE}")
