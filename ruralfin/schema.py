"""示范县各表的结构（schema）：表名、中文标题、主键、每列的类型、单位与取值范围。

这是示范县数据的“合同”：生成器按它产出、``load_dataset`` 按它还原类型、
``read_table`` 按它检查银行自己的导出文件，其他模块按这里的列名写代码。
中文列名与含义登记在 ``ruralfin/labels/_county.py``，单位以本文件为准。

约定
----
- 金额一律以 **万元** 计（浮点数），列名如 ``*_amount``、``balance``、``revenue``；
  少数“小额”列（客单价、公积金月缴存额）以 **元** 计，单位写在本文件。
- 利率以 **年化百分数** 计（``4.35`` 表示 4.35%），单位 ``%``；
  概率、占比、比率为 0–1 之间的小数，单位留空。
- ``month`` 一律是 **月末日期**（``datetime64[us]``，如 ``2025-12-31``）；其他日期也是
  ``datetime64[us]``。数据截止日（as-of）为 2025-12-31，月度历史覆盖 2023-01 至 2025-12。
- 主键 ``entity_id``、``loan_id``、``application_id`` 等为整数（示范县）；``read_table`` 读银行导出时，
  这些 ``*_id`` 编号列里有字母、前导零或超出整数范围的编号（如借据号 ``JJ2024000123``）则保留为文本。
- 隐藏的“真相”只在 ``truth_*`` 表里，特征表里没有。

Examples
--------
>>> from ruralfin import schema
>>> schema.get_table("loans").key
('loan_id',)
>>> schema.get_table("loan_monthly").column("days_past_due").dtype
'int16'
>>> schema.AS_OF
'2025-12-31'
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "Column",
    "Table",
    "TABLES",
    "TABLE_NAMES",
    "get_table",
    "AS_OF",
    "FIRST_MONTH",
    "N_MONTHS",
    "CUSTOMER_GROUPS",
    "INDUSTRIES",
    "SUB_INDUSTRIES",
    "SUB_INDUSTRY_PARENT",
    "TOWNSHIPS",
    "VILLAGES",
    "INSTITUTIONS",
    "PRODUCT_TYPES",
    "EDUCATION",
]

AS_OF = "2025-12-31"
FIRST_MONTH = "2023-01-31"
N_MONTHS = 36

# ---------------------------------------------------------------- 类别取值
CUSTOMER_GROUPS = ["new_agri_org", "coop", "rural_micro", "individual_business", "farmer_household"]
INDUSTRIES = ["wholesale_retail", "manufacturing", "catering", "other_services", "agri_production"]
SUB_INDUSTRY_PARENT = {
    "grain_crops": "agri_production",
    "cash_crops": "agri_production",
    "livestock": "agri_production",
    "aquaculture": "agri_production",
    "agri_processing": "agri_production",
    "grocery": "wholesale_retail",
    "agri_inputs": "wholesale_retail",
    "building_materials": "wholesale_retail",
    "ecommerce_shop": "wholesale_retail",
    "food_processing": "manufacturing",
    "light_manufacturing": "manufacturing",
    "construction": "manufacturing",
    "restaurant": "catering",
    "farm_stay": "catering",
    "transport_logistics": "other_services",
    "repair_services": "other_services",
    "personal_services": "other_services",
}
SUB_INDUSTRIES = list(SUB_INDUSTRY_PARENT)
TOWNSHIPS = [
    "青禾镇", "稻香镇", "柳溪乡", "石桥镇", "枫林乡", "云岭乡",
    "河湾镇", "桃源乡", "松坪乡", "白沙镇", "金田镇", "双河乡",
]
_V1 = "东西南北上下前后大小新老"
_V2 = ["杨庄", "李屯", "王家", "张湾", "刘圩", "陈岗", "赵集", "周塘", "吴岭", "孙坝", "马店", "朱楼", "胡寨", "郭堡"]


def _village_names() -> list[str]:
    # 12 个乡镇 × 14 个村，名字由固定字表组合而成（虚构，按乡镇分组、互不重复）
    names = []
    for t in range(len(TOWNSHIPS)):
        for v in range(len(_V2)):
            names.append(f"{_V1[t]}{_V2[(v + 3 * t) % len(_V2)]}村")
    # 组合保证互不重复
    assert len(set(names)) == len(names)
    return names


VILLAGES = _village_names()  # VILLAGES[i] 属于 TOWNSHIPS[i // 14]
VILLAGES_PER_TOWNSHIP = len(_V2)
INSTITUTIONS = ["ours", "peer_a", "peer_b", "peer_c", "peer_d", "peer_e"]
INSTITUTION_TYPES = ["rural_commercial", "big_state", "postal", "village_bank", "internet_bank", "city_commercial"]
#: 逐笔建模之外、只按月汇总的贷款：个人住房、个人消费、公司（中型及以上企业）、票据贴现
BANK_BOOKS = ["personal_housing", "personal_consumer", "corporate", "discounted_bills"]
EDUCATION = ["primary_or_below", "junior_high", "senior_high", "college", "bachelor_plus"]
LEVEL3 = ["low", "medium", "high"]
RISK_APPETITE = ["conservative", "moderate", "aggressive"]
PRODUCT_TYPES = [
    "deposit_current", "deposit_time", "wealth", "debit_card", "credit_card", "mobile_payment",
    "settlement", "insurance", "ecommerce", "instalment",
    "business_loan", "farmer_loan", "startup_guarantee_loan", "student_loan",
]
LOAN_PRODUCT_TYPES = ["business_loan", "farmer_loan", "startup_guarantee_loan", "student_loan"]
REPAYMENT_METHODS = ["equal_instalment", "equal_principal", "interest_only_bullet", "revolving"]
GUARANTEE_METHODS = ["credit", "guarantee", "mortgage", "pledge"]
LOAN_PURPOSES = ["working_capital", "farm_inputs", "equipment", "expansion", "other"]
CHANNELS = ["branch_walk_in", "manager_visit", "mobile_app", "whole_village", "supply_chain"]
PAY_METHODS = ["cash", "transfer", "qr_mobile", "trade_credit"]


@dataclass(frozen=True)
class Column:
    """一列的结构。

    ``dtype`` 取值：``int8/int16/int32/int64``、``float32/float64``、``str``、``bool``、
    ``date``（``datetime64[us]``）、``category``（配合 ``categories``、``ordered``）。
    ``nullable=True`` 的整数列、布尔列用 pandas 可空类型（``Int32``、``boolean``）。
    ``min``/``max`` 是允许的取值范围（含端点），``None`` 表示不限。
    """

    name: str
    dtype: str
    unit: str = ""
    nullable: bool = False
    min: float | None = None
    max: float | None = None
    categories: tuple[str, ...] | None = None
    ordered: bool = False

    @property
    def pandas_dtype(self):
        """对应的 pandas 类型（字符串或 CategoricalDtype）。"""
        if self.dtype == "category":
            import pandas as pd

            return pd.CategoricalDtype(list(self.categories), ordered=self.ordered)
        if self.dtype == "date":
            return "datetime64[us]"
        if self.dtype == "bool":
            return "boolean" if self.nullable else "bool"
        if self.dtype.startswith("int") and self.nullable:
            return "I" + self.dtype[1:]
        return self.dtype


@dataclass(frozen=True)
class Table:
    """一张表：表名、中文标题、主键、各列、一句话说明。"""

    name: str
    title: str
    key: tuple[str, ...]
    columns: tuple[Column, ...]
    description: str = ""
    truth: bool = False
    _index: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self):
        self._index.update({c.name: c for c in self.columns})
        assert len(self._index) == len(self.columns), f"{self.name} 有重复列名"
        for k in self.key:
            assert k in self._index, f"{self.name} 主键列 {k} 不存在"

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        return self._index[name]


def _cat(name, cats, *, ordered=False, nullable=False):
    return Column(name, "category", categories=tuple(cats), ordered=ordered, nullable=nullable)


def _amt(name, *, nullable=False, dtype="float64", unit="万元", min=0.0, max=None):
    return Column(name, dtype, unit=unit, nullable=nullable, min=min, max=max)


def _share(name, *, nullable=False, dtype="float64"):
    return Column(name, dtype, nullable=nullable, min=0.0, max=1.0)


def _id(name, *, nullable=False, dtype="int32"):
    return Column(name, dtype, nullable=nullable, min=0)


def _date(name, *, nullable=False):
    return Column(name, "date", nullable=nullable, min=None, max=None)


def _int(name, dtype="int32", *, unit="", nullable=False, min=0, max=None):
    return Column(name, dtype, unit=unit, nullable=nullable, min=min, max=max)


def _bool(name, *, nullable=False):
    return Column(name, "bool", nullable=nullable)


def _str(name, *, nullable=False):
    return Column(name, "str", nullable=nullable)


MONTH = _date("month")
ENTITY = _id("entity_id")
YEAR = _int("year", "int16", unit="年", min=2023, max=2025)

_T = [
    # ------------------------------------------------------------ 地理与机构
    Table("villages", "乡镇与行政村", ("village_id",), (
        _id("village_id", dtype="int16"),
        _cat("village", VILLAGES),
        _cat("township", TOWNSHIPS),
        _id("branch_id", dtype="int16"),
        _int("households", unit="户"),
        _bool("is_credit_village"),
        Column("distance_to_branch_km", "float64", unit="公里", min=0.0),
    ), "示范县 12 个乡镇、168 个行政村（虚构地名），每村的户数、是否信用村、离我行网点的距离。"),
    Table("branches", "我行网点", ("branch_id",), (
        _id("branch_id", dtype="int16"),
        _str("branch_name"),
        _cat("township", TOWNSHIPS),
        _cat("branch_type", ["head_office", "sub_branch"]),
        _int("opened_year", "int16", unit="年", min=1950, max=2025),
        _int("staff", "int16", unit="人"),
    ), "示范县农商银行（我行）在县城的营业部和各乡镇支行。"),
    Table("managers", "客户经理", ("manager_id",), (
        _id("manager_id", dtype="int16"),
        _id("branch_id", dtype="int16"),
        _str("manager_name"),
        _int("manager_age", "int8", unit="岁", min=18, max=65),
        _int("tenure_years", "int8", unit="年", max=45),
        _cat("education", EDUCATION, ordered=True),
    ), "我行客户经理；其管户见 entities.manager_id。"),
    Table("manager_monthly", "客户经理月度目标与业绩", ("manager_id", "month"), (
        _id("manager_id", dtype="int16"),
        MONTH,
        _amt("target_loan_balance"),
        _amt("loan_balance"),
        _amt("overdue_balance"),
        _amt("deposit_balance"),
        _int("target_new_customers", "int16", unit="户"),
        _int("new_customers", "int16", unit="户"),
        _int("new_loan_count", "int16", unit="笔"),
        _amt("new_loan_amount"),
        _int("visits", "int16", unit="次"),
    ), "每位客户经理每月的贷款余额目标与实际、存款、新增客户与放款、走访次数。"),
    Table("bank_book_monthly", "我行其他贷款月度汇总", ("month", "book"), (
        MONTH,
        _cat("book", BANK_BOOKS),
        _amt("balance"),
        _amt("npl_balance"),
        _amt("agri_related_balance"),
        _amt("new_loan_amount"),
    ), "示范县逐笔建模的经营性贷款之外，我行的个人住房、个人消费、公司（中型及以上企业）贷款和票据贴现，"
       "按月汇总的余额、不良、涉农部分与当月新发放；与 loan_monthly 相加就是全行各项贷款。"),
    Table("institutions", "我行与同业机构", ("institution_id",), (
        _cat("institution_id", INSTITUTIONS),
        _str("institution_name"),
        _cat("institution_type", INSTITUTION_TYPES),
        _bool("is_ours"),
        _int("outlets_in_county", "int16", unit="个"),
        _cat("risk_appetite", RISK_APPETITE, ordered=True),
        _str("target_customers"),
    ), "县域内的银行业机构：我行与五家同业（名称均为虚构的类型代称）。"),
    Table("products", "产品与五要素", ("product_id",), (
        _id("product_id", dtype="int16"),
        _cat("institution_id", INSTITUTIONS),
        _str("product_name"),
        _cat("product_type", PRODUCT_TYPES),
        _amt("max_amount", nullable=True),
        _int("min_term_months", "int16", unit="月", nullable=True),
        _int("max_term_months", "int16", unit="月", nullable=True),
        Column("rate_min", "float64", unit="%", nullable=True, min=0.0, max=36.0),
        Column("rate_max", "float64", unit="%", nullable=True, min=0.0, max=36.0),
        _cat("repayment_method", REPAYMENT_METHODS, nullable=True),
        _cat("guarantee_method", GUARANTEE_METHODS, nullable=True),
        _str("target_customers"),
        _int("min_operator_age", "int8", unit="岁", nullable=True, max=100),
        _int("max_operator_age", "int8", unit="岁", nullable=True, max=100),
        _int("min_years_in_business", "int8", unit="年", nullable=True),
        _str("admission_conditions"),
        _cat("risk_appetite", RISK_APPETITE, ordered=True),
        _int("approval_days", "int16", unit="天", nullable=True),
        _bool("online"),
    ), "我行和同业的产品：额度、期限、利率、还款方式、担保方式五要素，准入条件与风险偏好。"),
    # ------------------------------------------------------------ 经营主体
    Table("entities", "经营主体", ("entity_id",), (
        ENTITY,
        _str("entity_name"),
        _cat("customer_group", CUSTOMER_GROUPS),
        _cat("industry", INDUSTRIES),
        _cat("sub_industry", SUB_INDUSTRIES),
        _cat("enterprise_size", ["micro", "small", "medium"], ordered=True, nullable=True),
        _id("village_id", dtype="int16"),
        _cat("village", VILLAGES),
        _cat("township", TOWNSHIPS),
        _bool("in_urban_area"),
        _str("operator_name"),
        _str("operator_id_number"),
        _str("credit_code", nullable=True),
        _str("operator_phone"),
        _cat("operator_gender", ["male", "female"]),
        _int("operator_age", "int8", unit="岁", min=18, max=90),
        _cat("operator_education", EDUCATION, ordered=True),
        _int("years_in_business", "int8", unit="年", max=60),
        _int("employees", "int32", unit="人"),
        _amt("total_assets"),
        _amt("total_liabilities"),
        _amt("reported_revenue"),
        _cat("main_bank", INSTITUTIONS),
        _bool("banks_with_us"),
        _date("customer_since", nullable=True),
        _id("branch_id", dtype="int16"),
        _id("manager_id", dtype="int16", nullable=True),
    ), "示范县的每个经营主体（五类客群），含经营者信息、资产负债、自报年营业收入、主办行。"),
    # ------------------------------------------------------------ 七大数据
    Table("risk_return", "① 风险收益对比", ("entity_id", "year"), (
        ENTITY, YEAR,
        _amt("revenue"),
        _amt("profit", min=None),
        Column("profit_margin", "float64", min=-5.0, max=1.0),
        _amt("disaster_loss"),
        _amt("price_shock_loss"),
        _bool("has_insurance"),
        _amt("insured_amount"),
    ), "每个主体每年的营业收入、利润与利润率（经营者申报口径），灾害与价格冲击损失，保险保障。"),
    Table("supply_chain", "② 上下游供应链", ("entity_id", "counterparty_key"), (
        ENTITY,
        _str("counterparty_key"),
        _id("counterparty_entity_id", nullable=True),
        _str("counterparty_name"),
        _cat("counterparty_type", ["coop", "leading_enterprise", "wholesale_market", "ecommerce_platform", "local_business"]),
        _cat("direction", ["upstream", "downstream"]),
        _share("share"),
        _int("relationship_years", "int8", unit="年", max=60),
        _bool("counterparty_banks_with_us"),
    ), "主体与上游供应商、下游买家的关系：对方类型、占采购或销售的份额、合作年限、对方是否我行客户。"),
    Table("settlement", "③ 采购模式与结算模式", ("entity_id",), (
        ENTITY,
        _cat("purchase_mode", ["spot", "credit_purchase", "contract", "coop_supply"]),
        _cat("main_sales_channel", ["retail_store", "wholesale_market", "contract_buyer", "ecommerce", "coop_collective"]),
        _cat("main_receipt_method", PAY_METHODS),
        _cat("main_payment_method", PAY_METHODS),
        _share("receipt_share_cash"),
        _share("receipt_share_transfer"),
        _share("receipt_share_qr"),
        _share("receipt_share_credit"),
        _int("days_receivable", "int16", unit="天", max=365),
        _int("days_payable", "int16", unit="天", max=365),
        _share("reported_share_with_us", nullable=True),
    ), "主体怎么买、怎么收款：采购方式、销售渠道、收款方式结构、应收应付天数、自报经我行结算的比例。"),
    Table("sales_monthly", "④ 月度销售", ("entity_id", "month"), (
        ENTITY, MONTH,
        _amt("sales_amount", dtype="float32"),
    ), "每个主体 2023-01 至 2025-12 的月销售额（调查/台账口径），含行业季节性与冲击。"),
    Table("industry_risk", "④ 行业风险指标", ("sub_industry",), (
        _cat("sub_industry", SUB_INDUSTRIES),
        _cat("industry", INDUSTRIES),
        Column("price_volatility", "float64", min=0.0),
        _cat("disaster_exposure", LEVEL3, ordered=True),
        _cat("policy_support", LEVEL3, ordered=True),
        _cat("industry_risk_level", LEVEL3, ordered=True),
        _share("typical_margin"),
        _str("peak_months"),
    ), "细分行业的价格波动、灾害暴露、政策支持、风险等级、典型利润率与旺季月份。"),
    Table("industry_monthly", "④ 行业月度景气", ("sub_industry", "month"), (
        _cat("sub_industry", SUB_INDUSTRIES),
        MONTH,
        Column("price_index", "float64", min=0.0),
        Column("seasonal_index", "float64", min=0.0),
        _bool("shock"),
    ), "细分行业每月的价格指数（2023-01=100）、季节指数与是否处于行业冲击期。"),
    Table("cost_structure", "⑤ 经营成本结构", ("entity_id",), (
        ENTITY, YEAR,
        _amt("materials_cost"),
        _amt("labour_cost"),
        _amt("rent_cost"),
        _amt("utilities_cost"),
        _amt("interest_cost"),
        _amt("other_cost"),
        _share("fixed_cost_share"),
    ), "2025 年的成本构成：原材料、人工、土地与租金、水电、利息、其他；固定成本占比。"),
    Table("soft_info", "⑥ 经营者个人软信息", ("entity_id",), (
        ENTITY,
        _int("household_size", "int8", unit="人", min=1, max=15),
        _int("dependants", "int8", unit="人", max=12),
        _int("years_resident", "int8", unit="年", max=90),
        _bool("married"),
        _cat("village_reputation", ["poor", "fair", "good", "excellent"], ordered=True),
        _bool("bad_habits"),
        _amt("household_assets"),
        _bool("owns_house"),
        _bool("owns_vehicle"),
        _cat("social_ties", ["few", "some", "many"], ordered=True),
        _bool("is_village_cadre"),
        _int("manager_visit_score", "int8", unit="分", nullable=True, min=1, max=5),
        _date("last_visit_date", nullable=True),
        _amt("other_income"),
    ), "经营者的家庭、居住、村内口碑、习惯、家庭资产、社会关系和客户经理走访评价（未走访者为空）。"),
    Table("consumer_behavior", "⑦ 客户消费行为", ("entity_id",), (
        ENTITY,
        Column("monthly_payers", "float64", unit="人", min=0.0),
        _share("repeat_rate"),
        Column("avg_ticket", "float64", unit="元", min=0.0),
        _share("share_qr"),
        _share("share_card"),
        _share("share_cash"),
        _int("recency_days", "int16", unit="天", max=3650),
        Column("payments_per_month", "float64", unit="笔", min=0.0),
        Column("payer_growth_12m", "float64", min=-1.0),
    ), "通过收单与支付数据看到的主体自己的顾客：付款人数、复购率、客单价、渠道结构、最近一次与频次。"),
    # ------------------------------------------------------------ 我行业务
    Table("holdings", "产品持有", ("entity_id", "product_id"), (
        ENTITY,
        _id("product_id", dtype="int16"),
        _cat("product_type", PRODUCT_TYPES),
        _date("open_date"),
        _amt("balance"),
        _amt("avg_balance_12m"),
        _amt("fee_income_12m"),
    ), "主体在我行持有的产品（存款、理财、卡、支付结算、保险、电商、分期、贷款），余额与近 12 个月中收。"),
    Table("account_flows", "月度账户流水", ("entity_id", "month"), (
        ENTITY, MONTH,
        _amt("inflow_amount", dtype="float32"),
        _amt("outflow_amount", dtype="float32"),
        _int("inflow_count", "int16", unit="笔"),
        _int("outflow_count", "int16", unit="笔"),
        _amt("avg_balance", dtype="float32"),
    ), "在我行开立结算账户的主体每月的资金流入流出与日均余额（只看得到经我行的部分）。"),
    Table("utilities", "月度水电用量", ("entity_id", "month"), (
        ENTITY, MONTH,
        Column("electricity_kwh", "float32", unit="千瓦时", nullable=True, min=0.0),
        Column("water_tons", "float32", unit="吨", nullable=True, min=0.0),
    ), "经授权取得的月度用电量、用水量（部分主体未授权，部分月份缺失）。"),
    Table("tax_records", "季度纳税", ("entity_id", "quarter_end"), (
        ENTITY,
        _date("quarter_end"),
        _cat("tax_method", ["general", "small_scale", "fixed_quota"]),
        _amt("declared_revenue"),
        _amt("tax_paid"),
    ), "登记纳税主体每季度的申报收入与缴税额；农户农业生产免税，无记录。"),
    Table("industry_coefficients", "行业换算系数", ("sub_industry",), (
        _cat("sub_industry", SUB_INDUSTRIES),
        Column("revenue_per_kwh", "float64", unit="元/千瓦时", min=0.0),
        Column("revenue_per_ton_water", "float64", unit="元/吨", min=0.0),
        _share("tax_to_revenue"),
        _share("typical_cash_share"),
    ), "把用电、用水、纳税换算成营业收入的行业经验系数（示范县口径），用于三维交叉验证。"),
    Table("applications", "贷款申请与审批", ("application_id",), (
        _id("application_id"),
        ENTITY,
        _date("application_date"),
        _cat("sample", ["development", "validation", "recent"]),
        _id("product_id", dtype="int16"),
        _cat("channel", CHANNELS),
        _amt("requested_amount"),
        _int("requested_term_months", "int16", unit="月", min=1, max=120),
        _cat("purpose", LOAN_PURPOSES),
        _amt("reported_revenue"),
        _amt("existing_debt"),
        _int("operator_age", "int8", unit="岁", min=18, max=90),
        _int("years_in_business", "int8", unit="年", max=60),
        _int("credit_inquiries_6m", "int8", unit="次", max=50),
        _int("max_dpd_24m", "int16", unit="天", nullable=True, max=3650),
        _bool("owns_house"),
        _int("household_size", "int8", unit="人", min=1, max=15),
        _int("manager_visit_score", "int8", unit="分", nullable=True, min=1, max=5),
        _amt("deposit_avg_6m", nullable=True),
        Column("flow_trend_6m", "float64", nullable=True, min=-1.0, max=None),
        _int("social_security_months", "int16", unit="月", nullable=True, max=600),
        Column("typing_speed", "float64", unit="字/分钟", nullable=True, min=0.0),
        _cat("application_weekday", ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]),
        _int("application_hour", "int8", unit="时", max=23),
        _cat("decision", ["approved", "declined"]),
        _amt("approved_amount", nullable=True),
        Column("approved_rate", "float64", unit="%", nullable=True, min=0.0, max=36.0),
        _id("loan_id", nullable=True),
        _bool("bad_12m", nullable=True),
    ), "每笔贷款申请：申请时点可见的特征（强、弱、无用兼有，部分缺失）、审批结果和放款后 12 个月内是否 90 天以上逾期。"),
    Table("loans", "贷款合同", ("loan_id",), (
        _id("loan_id"),
        ENTITY,
        _id("application_id", nullable=True),
        _id("product_id", dtype="int16"),
        _id("branch_id", dtype="int16"),
        _id("manager_id", dtype="int16"),
        _date("origination_date"),
        _date("maturity_date"),
        _int("term_months", "int16", unit="月", min=1, max=120),
        _amt("loan_amount"),
        Column("contract_rate", "float64", unit="%", min=0.0, max=36.0),
        _cat("repayment_method", REPAYMENT_METHODS),
        _cat("guarantee_method", GUARANTEE_METHODS),
        _amt("borrower_credit_line"),
        _bool("is_inclusive_micro"),
        _bool("is_agri_related"),
        _bool("is_inclusive_agri"),
        _bool("is_renewal"),
        _bool("is_first_loan"),
        _cat("purpose", LOAN_PURPOSES),
        _date("closed_date", nullable=True),
        _bool("is_written_off"),
        _amt("written_off_amount", nullable=True),
        _amt("recovered_after_write_off", nullable=True),
    ), "我行发放的每笔贷款（含 2023 年以前发放、2023-01 仍在账的存量）：起止日、金额、合同利率、还款与担保方式、"
       "借款人授信总额、普惠型小微与涉农标识、核销与核销后追回。"),
    Table("loan_monthly", "贷款月度表现", ("loan_id", "month"), (
        _id("loan_id"),
        ENTITY, MONTH,
        _int("months_on_book", "int16", unit="月", max=120),
        _amt("balance", dtype="float32"),
        _int("days_past_due", "int16", unit="天", max=3650),
        _amt("scheduled_payment", dtype="float32"),
        _amt("paid_amount", dtype="float32"),
        _bool("is_restructured"),
    ), "每笔贷款每个月末的余额、逾期天数、应还与实还金额、是否重组，用于账龄、滚动率、五级分类与迁徙分析。"),
    Table("guarantees", "担保关系", ("loan_id", "guarantor_id"), (
        _id("loan_id"),
        ENTITY,
        _id("guarantor_id"),
        _amt("guarantee_amount"),
        _cat("guarantor_relation", ["mutual", "relative", "business_partner", "coop_member"]),
    ), "保证贷款的保证人：借款主体 entity_id 由 guarantor_id 担保；互保、联保会形成担保圈。"),
    # ------------------------------------------------------------ 外部数据
    Table("external_data", "外部结构化数据", ("entity_id",), (
        ENTITY,
        _int("social_security_months", "int16", unit="月", nullable=True, max=600),
        Column("housing_fund_monthly", "float64", unit="元", nullable=True, min=0.0),
        _bool("public_security_flag"),
        _cat("education_verified", EDUCATION, ordered=True, nullable=True),
        _int("court_cases", "int8", unit="件", max=50),
        _amt("other_bank_debt"),
        _int("other_bank_loans", "int8", unit="笔", max=50),
        _int("credit_inquiries_6m", "int8", unit="次", max=50),
        _int("max_dpd_24m", "int16", unit="天", nullable=True, max=3650),
    ), "经授权查询的社保、公积金、公安、学历、司法、征信信息（截至 2025-12-31）。"),
    Table("external_events", "外部风险事件", ("entity_id", "month", "event_type"), (
        ENTITY, MONTH,
        _cat("event_type", ["overdue_other_bank", "lawsuit", "tax_arrears", "utility_arrears"]),
        _amt("amount", nullable=True),
    ), "按月记录的外部风险事件：他行逾期、被起诉、欠税、欠缴水电费，用于贷后预警。"),
    Table("digital_features", "非结构化数据衍生特征", ("entity_id",), (
        ENTITY,
        _share("geo_stability"),
        _int("network_degree", "int16", unit="人", max=5000),
        _int("network_risky_contacts", "int16", unit="人", max=5000),
        _cat("device_tier", ["budget", "mid", "premium"], ordered=True),
        Column("typing_speed", "float64", unit="字/分钟", min=0.0),
        _share("delivery_address_consistency"),
        _int("app_active_days_30d", "int8", unit="天", max=30),
        _share("night_activity_share"),
        _cat("browsing_interest", ["farming", "business", "entertainment", "finance", "shopping"]),
    ), "经授权使用手机银行的主体，由定位、通讯关系、设备、输入行为、收货地址、浏览等数据加工出的特征。"),
    # ------------------------------------------------------------ 真相
    Table("truth_entities", "真相：主体隐藏特质", ("entity_id",), (
        ENTITY,
        Column("truth_quality", "float64", min=None),
        _share("truth_integrity"),
        _amt("truth_revenue"),
        Column("truth_misreport_ratio", "float64", min=0.0),
        _bool("truth_is_misreporter"),
        _share("truth_prob_default"),
        _share("truth_marketing_response"),
        _share("truth_share_of_wallet"),
        Column("truth_shock_sensitivity", "float64", min=0.0),
    ), "生成器知道而银行看不到的真相：经营质量、诚信度、真实收入、虚报倍数、违约概率等。", truth=True),
    Table("truth_loans", "真相：贷款结局", ("loan_id",), (
        _id("loan_id"),
        _share("truth_prob_default"),
        _bool("truth_default"),
        _date("truth_default_month", nullable=True),
    ), "每笔贷款放款时的真实违约概率，以及观察期内是否、何时违约（首次 90 天以上逾期）。", truth=True),
    Table("truth_applications", "真相：申请的潜在结局", ("application_id",), (
        _id("application_id"),
        _share("truth_prob_default"),
        _bool("truth_bad_12m"),
    ), "每笔申请（含被拒的）若放款，12 个月内是否会 90 天以上逾期——用于审批取舍与拒绝推断。", truth=True),
]

TABLES: dict[str, Table] = {t.name: t for t in _T}
TABLE_NAMES: list[str] = list(TABLES)


def get_table(name: str) -> Table:
    """按表名取 :class:`Table`；表名未知时报中文错误并列出全部表名。

    >>> get_table("entities").title
    '经营主体'
    >>> get_table("entity")
    Traceback (most recent call last):
    ...
    ruralfin.errors.RuralfinValueError: 没有名为 'entity' 的表；可用的表：villages、branches、...
    """
    from .errors import RuralfinTypeError, RuralfinValueError

    if not isinstance(name, str):
        raise RuralfinTypeError(f"表名应为字符串，实际是 {type(name).__name__}：{name!r}")
    if name not in TABLES:
        raise RuralfinValueError(f"没有名为 {name!r} 的表；可用的表：{'、'.join(TABLE_NAMES)}")
    return TABLES[name]
