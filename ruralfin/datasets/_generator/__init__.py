"""示范县生成器：由一个随机种子确定地生成全部表。

生成顺序就是故事线，每个阶段一个函数（在各自的模块里），只拿前面阶段交出的东西（``state``），
交出自己的表；参数都是 ``ruralfin/datasets/_story.py`` 里有名字的常数。

 0. 地理（``population``）：乡镇经济效应、村的规模与距离、信用村
 1. 经营主体（``population``）：客群、行业、经营者、规模，隐藏特质（经营质量、诚信度、冲击敏感度）、违约倾向
 2. 困境与违约的时点、担保圈与传染（``distress``）
 3. 真实月度销售：季节性、春节、趋势、冲击、困境前后的下滑（``sales``）
 4. 机构、产品、网点、客户经理（``bank``）
 5. 收款方式的份额（``categories``）
 6. 贷款申请、审批、续贷的链条（``applications``）
 7. 放款、定价、违约处置（``loans``）
 8. 每笔贷款的月度表现（``loans``）
 9. 申请时的征信与走访（``applications``）
10. 我行账户流水（``records``）
11. 水电（``records``）
12. 纳税（``records``）
13. 申请表与经营者家庭信息（``applications``）
14. 贷款表与贷款的真相（``loans``）
15. 担保关系（``loans``）
16. 主体表与村表（``population``）
17. 风险收益、成本结构、自报月度销售、行业表（``categories``）
18. 结算方式、软信息、客户消费行为（``categories``）
19. 上下游供应链（``supply_chain``）
20. 外部数据、外部事件、数字特征（``external``）
21. 产品持有（``records``）
22. 客户经理月度业绩（``bank``）与主体的真相（``population``）
23. 逐笔建模之外的贷款的月度汇总（``bank_book``）

每个阶段使用由同一个 ``SeedSequence`` 派生出的独立子随机数发生器，因此结果只由 ``random_state`` 与
``n_entities`` 决定；改动一个阶段里的抽样不影响其他阶段。
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ...schema import TABLE_NAMES
from .applications import make_application_chain, make_applications, make_credit_file
from .bank import make_bank, make_manager_monthly
from .bank_book import make_bank_book
from .categories import make_customer_tables, make_operating_tables, make_receipt_mix
from .common import release_memory
from .distress import make_timeline
from .external import make_external_tables
from .loans import make_guarantees, make_loan_monthly, make_loan_tables, make_loans
from .population import make_entity_tables, make_geography, make_population, make_truth_entities
from .records import make_account_flows, make_holdings, make_tax_records, make_utilities
from .sales import make_industry_calendar, make_sales
from .supply_chain import make_supply_chain

__all__ = ["make_county_tables", "N_STEPS"]

N_STEPS = 24  # 阶段个数：progress 被调用的次数（进度条的总步数）
N_STAGES = 32  # 派生的子随机数发生器个数（比阶段数多，留给以后的阶段；改它会改变随包数据）


def make_county_tables(n_entities: int, random_state: int | None, progress=None) -> dict[str, pd.DataFrame]:
    """生成全部表（内部函数；参数已在 :func:`ruralfin.datasets.make_county` 检查过）。

    ``progress`` 若给出，每完成一个阶段以阶段名调用一次（共 ``N_STEPS`` 次）。
    """
    seeds = np.random.SeedSequence(random_state).spawn(N_STAGES)
    rngs = [np.random.Generator(np.random.PCG64(seed)) for seed in seeds]
    report = progress or (lambda name: None)

    def step(name):
        release_memory()
        report(name)

    tables: dict[str, pd.DataFrame] = {}
    geography = make_geography(rngs[0])
    step("villages")
    population, relationship = make_population(rngs[1], n_entities, geography)
    step("entities")
    calendar = make_industry_calendar()
    timeline = make_timeline(rngs[2], population, calendar)
    step("timeline")
    sales = make_sales(rngs[3], population, timeline, calendar)
    step("sales")
    bank_tables, staffing = make_bank(rngs[4], population, relationship)
    tables.update(bank_tables)
    step("institutions")
    receipts = make_receipt_mix(rngs[5], population)
    step("settlement")
    chain = make_application_chain(rngs[6], population, timeline)
    step("applications")
    # 放款后，靠贷款进来的新客户成为我行客户：之后的阶段都用更新后的客户关系
    banked_before = relationship.banks_with_us  # 放款前的客户关系（产品持有要区分靠贷款进来的新客户）
    loans, relationship = make_loans(rngs[7], population, timeline, relationship, chain)
    step("loans")
    tables["loan_monthly"], performance = make_loan_monthly(rngs[8], population, loans)
    step("loan_monthly")
    credit = make_credit_file(rngs[9], population, chain)
    step("applications_features")
    tables["account_flows"], flows = make_account_flows(rngs[10], population, relationship, sales, receipts, credit,
                                                        timeline)
    step("account_flows")
    tables["utilities"], authorised = make_utilities(rngs[11], population, sales)
    step("utilities")
    tables["tax_records"], taxed = make_tax_records(rngs[12], population, sales)
    step("tax_records")
    application_tables, household = make_applications(rngs[13], population, relationship, timeline, sales, chain, loans,
                                                      performance, credit, flows, calendar)
    tables.update(application_tables)
    step("applications")
    tables.update(make_loan_tables(rngs[14], population, timeline, calendar, staffing, loans, performance, credit))
    step("loans_out")
    tables["guarantees"] = make_guarantees(rngs[15], population, timeline, loans)
    step("guarantees")
    entity_tables, records = make_entity_tables(rngs[16], population, relationship, geography, sales, staffing, loans)
    tables.update(entity_tables)
    step("entities_out")
    tables.update(make_operating_tables(rngs[17], population, sales, calendar))
    step("seven_a")
    tables.update(make_customer_tables(rngs[18], population, relationship, geography, receipts, sales, timeline, credit,
                                       household))
    step("seven_b")
    tables["supply_chain"] = make_supply_chain(rngs[19], population, relationship, records)
    step("supply_chain")
    tables.update(make_external_tables(rngs[20], population, timeline, credit, household, authorised, taxed))
    step("external")
    tables["holdings"] = make_holdings(rngs[21], population, relationship, sales, receipts, flows, loans, tables,
                                       banked_before)
    step("holdings")
    tables["manager_monthly"] = make_manager_monthly(rngs[22], staffing, records.customer_since_month, tables)
    tables["truth_entities"] = make_truth_entities(population, relationship, sales)
    step("truth")
    tables["bank_book_monthly"] = make_bank_book(rngs[23], n_entities)
    step("bank_book")
    return {name: tables[name] for name in TABLE_NAMES}
