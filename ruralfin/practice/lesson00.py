"""第 00 课（课程导览）的两道热身题：演示 check / hint / solution 的用法。

热身题就在讲义 ``notebooks/00_overview.ipynb`` 里，没有答案本，所以只有这两题的参考答案
写在题目里（``solution=``）；其他各课的参考答案都来自答案本的答案区（见 :func:`._core.link_solutions`）。
"""

from __future__ import annotations

from ..course import DIGITAL_CHANGES
from ._core import ChoiceQuestion, NumberQuestion

__all__ = ["q1", "q2"]


def _growth_gap() -> float:
    from ..economics import public_figures

    fig = public_figures("loan_balance")
    at = fig[fig["period"] == "2023 末"].set_index("figure")["growth_pct"]
    return float(at["inclusive_sme_loans_pboc"] - at["agri_loans"])


q1 = NumberQuestion(
    "热身第 1 题",
    _growth_gap,
    rtol=1e-6,
    atol=0.05,
    unit="个百分点",
    hints=[
        "在上面“2023 年末”的表格里找两行：普惠小微贷款（人民银行口径）和涉农贷款。",
        "用“同比增速”一列：普惠小微的增速减去涉农贷款的增速，结果是百分点数（如 5.2），不是小数。",
    ],
    solution="gap = 23.5 - 14.9   # 2023 年末：普惠小微贷款同比 +23.5%，涉农贷款同比 +14.9%\n"
    "# 也可以直接从表中取数：\n"
    "# t = rf.economics.public_figures('loan_balance')\n"
    "# t[t['period'] == '2023 末'].set_index('figure')['growth_pct']",
)

_OPTIONS = {"A": DIGITAL_CHANGES[1], "B": DIGITAL_CHANGES[4], "C": "取消贷款五级分类", "D": DIGITAL_CHANGES[3]}

q2 = ChoiceQuestion(
    "热身第 2 题",
    lambda: next(k for k, v in _OPTIONS.items() if v not in DIGITAL_CHANGES),
    options=_OPTIONS,
    hints=["回到“数字技术带来的五个变革”那一节，逐项对照。", "五级分类没有被取消：2023 年的新办法反而让它更严格了。"],
    solution='answer = "C"   # 五个变革：产品创新、信贷技术、农村金融、新型风控模型、场景增信；五级分类仍在使用',
)
