"""客群与精准营销：五类客群画像、渗透率与同业份额、上下游与存量客户挖掘、产品组合、走访清单。

对应课程第 12 课《三农客群与精准营销调研》（大纲 一(二)、一(三)）。一个主题一个模块，
用的时候都从这里取（``rf.segments.group_profile``、``from ruralfin import segments as sg``）：

- :mod:`~ruralfin.segments.profiles` —— :func:`group_profile`、:func:`entity_mix`、:func:`add_age_band`：
  五类客群有多少、分布在哪些行业、经营者多大年纪、在哪个乡镇；
- :mod:`~ruralfin.segments.market` —— :func:`penetration`、:func:`market_share`、:func:`plot_market_share`：
  我行渗透率（我行客户 / 全部主体）与各机构作为主办行的份额，可按客群、行业、乡镇切分；
- :mod:`~ruralfin.segments.customers` —— :func:`customer_summary`：把产品持有、贷款、流水、外部与软信息
  汇总成“一户一行”的客户表；:func:`performing_borrowers`：近期还款表现良好的借款人；
- :mod:`~ruralfin.segments.supply_chain` —— :func:`supply_chain_prospects`：我行优质客户的上下游中
  还不是我行客户的，按透明的打分排序；
- :mod:`~ruralfin.segments.prospects` —— :func:`prospect_rules` + :func:`existing_customer_prospects`：
  有存款或结算、但没有贷款的存量客户里，按可观察数据打分找出值得营销贷款的；
- :mod:`~ruralfin.segments.bundles` —— :func:`product_bundles`：按客群看各类产品的持有率，
  建议“信贷作载体 + 补短板”的组合；
- :mod:`~ruralfin.segments.targets` —— :func:`target_list`、:func:`export_target_list`：按乡镇/行业/客群
  筛选、排序，导出 Excel 走访清单。

所有打分只用银行看得到的列，**从不使用** ``truth_*`` 表（那是生成器才知道的真相，
只用于课后检验）。列名默认与示范县一致（见 :mod:`ruralfin.schema`），
分析自己银行的数据时用与列同名的关键字参数改成自己的列名（如 ``entity_id="客户号"``）。
"""

from __future__ import annotations

from .bundles import product_bundles
from .customers import PRODUCT_FAMILIES, customer_summary, performing_borrowers
from .market import market_share, penetration, plot_market_share
from .profiles import add_age_band, entity_mix, group_profile
from .prospects import existing_customer_prospects, prospect_rules
from .supply_chain import SUPPLY_CHAIN_WEIGHTS, supply_chain_prospects
from .targets import export_target_list, target_list

__all__ = [
    "PRODUCT_FAMILIES",
    "SUPPLY_CHAIN_WEIGHTS",
    "add_age_band",
    "group_profile",
    "entity_mix",
    "penetration",
    "market_share",
    "customer_summary",
    "performing_borrowers",
    "supply_chain_prospects",
    "prospect_rules",
    "existing_customer_prospects",
    "product_bundles",
    "target_list",
    "export_target_list",
    "plot_market_share",
]
