"""收益与成本：贷款定价拆解、保本利率、RAROC、综合收益、风险成本与监管指标。

对应课程第 11 课《银行发展三农金融的目标》（大纲 一(一)）。一个主题一个模块：
``pricing``（定价、保本利率、RAROC）、``yields``（综合收益）、``risk_cost``（风险成本）、
``regulatory``（台账快照与监管指标）、``statistics``（全国公开统计数）；常用的名字都在
``rf.economics`` 下：

- :func:`loan_pricing` / :func:`rate_buildup` / :func:`break_even_rate`：成本加成定价，
  对客利率 = 资金成本 (FTP) + 运营成本率 + 预期损失率 (PD × LGD)
  + 资本成本率 (风险权重 × 资本充足率要求 × 股东要求回报率) + 目标利润；
  前四项之和就是保本利率（门槛利率）。
- :func:`raroc`：逐笔或按客群的风险调整资本回报率。
- :func:`comprehensive_yield`：贷款利差与综合收益（存款贡献、中间业务收入）的对比。
- :func:`expected_loss_table`：客群 × 行业的预期损失（风险成本）表。
- :func:`loan_book` / :func:`regulatory_indicators`：两个时点之间的“两增两控”与涉农贷款增速。
- :func:`public_figures`：课程引用的全国公开统计数（均摘自公开报道与官方发布，逐条带来源与可信度）。
- :func:`format_indicators`：把监管指标表排成给人看的文字。
- :func:`plot_rate_buildup`：定价拆解的瀑布图；:func:`plot_yield_comparison`：贷款净收益率
  与综合收益率的散点图。

单位约定（与示范县数据一致）：

- **利率与按余额计的成本率**（FTP、运营成本率、预期损失率、资本成本率、保本利率、
  对客利率、存款利率、收益率）用**年化百分数**：``2.0`` 表示 2.0%；
- **概率与比例**（违约概率 PD、违约损失率 LGD、风险权重、资本充足率要求、股东要求
  回报率、RAROC）用 **0–1 的小数**：``0.75`` 表示 75%；
- 金额单位跟随输入（示范县为万元），收入、成本均为**年化**金额。

关于数字的可信度：定价公式是教科书通式；本包的默认参数（FTP 2.0%、运营成本 1.2%、
PD 2%、LGD 50%、风险权重 75%、资本充足率 10.5%、股东要求回报 12%）是课程的
**教学示意算例**，**不是监管规定**。尤其是风险权重（“小微企业/监管零售 75%、
一般中小企业 85%”等常见说法）未能核实，使用前请对照《商业银行资本管理办法》
（金融监管总局令 2023 年第 4 号）第四章及附件，并换成本行实际参数。
"""

from __future__ import annotations

from . import pricing, regulatory, risk_cost, statistics, yields
from .pricing import PRICING_EXAMPLE, break_even_rate, loan_pricing, plot_rate_buildup, rate_buildup, raroc
from .regulatory import REGULATORY_INDICATORS, format_indicators, loan_book, regulatory_indicators
from .risk_cost import EXPECTED_LOSS_COLUMNS, expected_loss_table
from .statistics import PUBLIC_FIGURE_CATEGORIES, PUBLIC_FIGURES_FILE, public_figures
from .yields import YIELD_PATTERNS, comprehensive_yield, plot_yield_comparison

#: 各主题模块的公开名字（tests/test_economics.py 检查与各模块的 __all__ 一致）
__all__ = [
    *pricing.__all__,
    *yields.__all__,
    *risk_cost.__all__,
    *regulatory.__all__,
    *statistics.__all__,
]
