"""示范县各表每一列的中文名、含义、类别取值与个人信息类型（单位取自 ``ruralfin/schema.py``）。

同名列在各表含义相同时登记一次（通用）；含义不同的按表单独登记（``table=``）。
"""

from . import Field
from .. import schema as _s

_YN = {True: "是", False: "否"}
_GROUPS = {"new_agri_org": "农村新型经济组织", "coop": "农村合作社", "rural_micro": "农村小微企业",
           "individual_business": "个体工商户", "farmer_household": "三农个体户（农户）"}
_IND = {"wholesale_retail": "批发零售", "manufacturing": "生产加工", "catering": "餐饮服务",
        "other_services": "其他服务", "agri_production": "涉农生产加工"}
_SUB = {
    "grain_crops": "粮食种植", "cash_crops": "果蔬经济作物", "livestock": "畜禽养殖", "aquaculture": "水产养殖",
    "agri_processing": "农产品初加工", "grocery": "日用百货零售", "agri_inputs": "农资经营", "building_materials": "建材五金",
    "ecommerce_shop": "农村电商", "food_processing": "食品加工", "light_manufacturing": "小型制造加工",
    "construction": "建筑装修", "restaurant": "餐馆", "farm_stay": "农家乐", "transport_logistics": "运输物流",
    "repair_services": "维修服务", "personal_services": "生活服务",
}
_EDU = {"primary_or_below": "小学及以下", "junior_high": "初中", "senior_high": "高中/中专", "college": "大专",
        "bachelor_plus": "本科及以上"}
_INST = {"ours": "示范县农商银行（我行）", "peer_a": "同业甲（国有大行县支行）", "peer_b": "同业乙（邮储类）",
         "peer_c": "同业丙（村镇银行）", "peer_d": "同业丁（互联网银行）", "peer_e": "同业戊（城商行县支行）"}
_LEVEL = {"low": "低", "medium": "中", "high": "高"}
_APPETITE = {"conservative": "稳健", "moderate": "适中", "aggressive": "积极"}
_PTYPE = {
    "deposit_current": "活期/结算账户", "deposit_time": "定期存款", "wealth": "理财", "debit_card": "借记卡",
    "credit_card": "信用卡", "mobile_payment": "移动支付/收款码", "settlement": "对公结算与代发", "insurance": "代理保险",
    "ecommerce": "电商服务", "instalment": "分期消费", "business_loan": "经营性贷款（流动资金贷款）",
    "farmer_loan": "农户生产经营贷款", "startup_guarantee_loan": "创业担保贷款", "student_loan": "助学贷款",
}
_REPAY = {"equal_instalment": "等额本息", "equal_principal": "等额本金", "interest_only_bullet": "按月付息、到期还本",
          "revolving": "随借随还"}
_GUAR = {"credit": "信用", "guarantee": "保证", "mortgage": "抵押", "pledge": "质押"}
_PURPOSE = {"working_capital": "流动资金周转", "farm_inputs": "购买农资/种苗/饲料", "equipment": "购置设备",
            "expansion": "扩大经营", "other": "其他"}
_CHANNEL = {"branch_walk_in": "网点临柜（被动营销）", "manager_visit": "客户经理走访", "mobile_app": "手机银行线上申请",
            "whole_village": "整村授信批量", "supply_chain": "供应链核心企业推荐"}
_PAY = {"cash": "现金", "transfer": "银行转账", "qr_mobile": "扫码/移动支付", "trade_credit": "赊账（商业信用）"}

# 通用词条：name -> (中文名, 含义, 取值, 个人信息类型)
_G = {
    "entity_id": ("主体编号", "经营主体的编号（示范县内唯一）", None, None),
    "loan_id": ("贷款编号", "贷款合同的编号", None, None),
    "application_id": ("申请编号", "贷款申请的编号", None, None),
    "product_id": ("产品编号", "产品的编号，见 products 表", None, None),
    "branch_id": ("网点编号", "我行网点的编号，见 branches 表", None, None),
    "manager_id": ("客户经理编号", "管户客户经理的编号，见 managers 表；非我行客户为空", None, None),
    "village_id": ("行政村编号", "行政村的编号，见 villages 表", None, None),
    "month": ("月份", "统计月份，以该月最后一天的日期表示（如 2025-12-31 即 2025 年 12 月）", None, None),
    "year": ("年度", "统计年度", None, None),
    "village": ("行政村", "所在行政村（虚构地名）", None, None),
    "township": ("乡镇", "所在乡镇（虚构地名）；青禾镇为县城所在镇", None, None),
    "customer_group": ("客群", "五类三农客群", _GROUPS, None),
    "industry": ("行业", "五大行业", _IND, None),
    "sub_industry": ("细分行业", "行业下的细分类别", _SUB, None),
    "institution_id": ("机构", "银行业机构（我行或同业代称）", _INST, None),
    "product_type": ("产品类型", "产品所属的业务类别", _PTYPE, None),
    "repayment_method": ("还款方式", "五要素之一：本息怎么还", _REPAY, None),
    "guarantee_method": ("担保方式", "五要素之一：信用、保证、抵押或质押", _GUAR, None),
    "risk_appetite": ("风险偏好", "机构或产品愿意承担的风险水平", _APPETITE, None),
    "target_customers": ("目标客群", "主要服务的客户", None, None),
    "education": ("学历", "最高学历", _EDU, None),
    "purpose": ("贷款用途", "申请或合同约定的资金用途", _PURPOSE, None),
    "operator_age": ("经营者年龄", "经营者（实际控制人/户主）的年龄", None, None),
    "years_in_business": ("经营年限", "从事当前经营的年数", None, None),
    "reported_revenue": ("自报年营业收入", "经营者自己申报的年营业收入；部分经营者会报高（见 truth_entities）", None, None),
    "owns_house": ("有自有住房", "经营者家庭是否有自有住房", _YN, None),
    "household_size": ("家庭人口", "共同生活的家庭成员人数", None, None),
    "manager_visit_score": ("走访评价", "客户经理实地走访后的综合评价，1（差）–5（好）；未走访为空", None, None),
    "social_security_months": ("社保缴费月数", "经授权查询的累计社会保险缴费月数；未授权为空", None, None),
    "typing_speed": ("录入速度", "在手机银行填写资料时的输入速度", None, None),
    "credit_inquiries_6m": ("近 6 个月征信查询次数", "近 6 个月被金融机构查询征信（贷款审批）的次数", None, None),
    "max_dpd_24m": ("近 24 个月最长逾期天数", "征信报告中近 24 个月在各金融机构的最长逾期天数；无信贷记录（白户）为空", None, None),
    "typical_margin": ("典型利润率", "该细分行业的典型利润率（示范县口径），0–1", None, None),
    "truth_prob_default": ("真实违约概率", "【真相】生成器使用的 12 个月违约概率（放款或申请后 12 个月内出现 90 天以上逾期，与 bad_12m 同一事件），银行看不到", None, None),
}

# 表专属词条：(table, name) -> (中文名, 含义, 取值, 个人信息类型)
_T = {
    # villages / branches / managers
    ("villages", "households"): ("户数", "行政村的户数", None, None),
    ("villages", "is_credit_village"): ("信用村", "是否已评定为信用村（整村授信）", _YN, None),
    ("villages", "distance_to_branch_km"): ("离网点距离", "行政村到我行最近网点的距离", None, None),
    ("branches", "branch_name"): ("网点名称", "我行网点名称", None, None),
    ("branches", "branch_type"): ("网点类型", "营业部或乡镇支行", {"head_office": "县城营业部", "sub_branch": "乡镇支行"}, None),
    ("branches", "opened_year"): ("开业年份", "网点开业的年份", None, None),
    ("branches", "staff"): ("员工数", "网点员工人数（含客户经理）", None, None),
    ("managers", "manager_name"): ("客户经理姓名", "合成姓名（带“演示·”前缀）", None, "person_name"),
    ("managers", "manager_age"): ("客户经理年龄", "客户经理的年龄", None, None),
    ("managers", "tenure_years"): ("从业年限", "在我行从事客户经理工作的年数", None, None),
    # bank_book_monthly
    ("bank_book_monthly", "book"): ("贷款类别", "逐笔建模之外的贷款类别", {
        "personal_housing": "个人住房贷款", "personal_consumer": "个人消费贷款",
        "corporate": "公司贷款（中型及以上企业）", "discounted_bills": "票据贴现"}, None),
    ("bank_book_monthly", "balance"): ("贷款余额", "该类贷款月末余额合计", None, None),
    ("bank_book_monthly", "npl_balance"): ("不良贷款余额", "该类贷款月末不良（次级、可疑、损失）余额", None, None),
    ("bank_book_monthly", "agri_related_balance"): (
        "涉农贷款余额", "其中按人民银行涉农贷款口径计入涉农的部分：发放给农户的住房、消费贷款，注册地在农村区域的企业的"
        "全部贷款，城市企业的农林牧渔和支农贷款（教学假设的比例）", None, None),
    ("bank_book_monthly", "new_loan_amount"): ("当月新发放", "该类贷款当月新发放（贴现）的金额", None, None),
    ("manager_monthly", "target_loan_balance"): ("贷款余额目标", "当月末应达到的管户贷款余额目标（按年度增长目标逐月分解）", None, None),
    ("manager_monthly", "loan_balance"): ("管户贷款余额", "月末管户贷款余额合计", None, None),
    ("manager_monthly", "overdue_balance"): ("逾期贷款余额", "月末有逾期的管户贷款余额", None, None),
    ("manager_monthly", "deposit_balance"): ("管户存款日均", "管户客户结算账户当月日均余额合计", None, None),
    ("manager_monthly", "target_new_customers"): ("新增客户目标", "当月新增客户数目标", None, None),
    ("manager_monthly", "new_customers"): ("新增客户数", "当月成为我行客户的管户主体数", None, None),
    ("manager_monthly", "new_loan_count"): ("新放款笔数", "当月新发放贷款笔数", None, None),
    ("manager_monthly", "new_loan_amount"): ("新放款金额", "当月新发放贷款金额", None, None),
    ("manager_monthly", "visits"): ("走访次数", "当月实地走访客户的次数", None, None),
    # institutions / products
    ("institutions", "institution_name"): ("机构名称", "县域内银行业机构的名称（同业均为虚构代称）", None, None),
    ("institutions", "institution_type"): ("机构类型", "机构类别", {"rural_commercial": "农商银行", "big_state": "国有大行",
                                                               "postal": "邮储类", "village_bank": "村镇银行",
                                                               "internet_bank": "互联网银行", "city_commercial": "城商行"}, None),
    ("institutions", "is_ours"): ("是否我行", "是否为示范县农商银行（我行）", _YN, None),
    ("institutions", "outlets_in_county"): ("县内网点数", "在示范县内的营业网点数", None, None),
    ("products", "product_name"): ("产品名称", "产品名称（虚构，带“示范·”或“同业X·”前缀）", None, None),
    ("products", "max_amount"): ("额度上限", "五要素之一：单户最高额度；非信贷产品为空", None, None),
    ("products", "min_term_months"): ("最短期限", "五要素之一：最短期限", None, None),
    ("products", "max_term_months"): ("最长期限", "五要素之一：最长期限", None, None),
    ("products", "rate_min"): ("利率下限", "五要素之一：年化利率（存款、理财为收益率）下限", None, None),
    ("products", "rate_max"): ("利率上限", "五要素之一：年化利率（存款、理财为收益率）上限", None, None),
    ("products", "min_operator_age"): ("准入最低年龄", "准入条件：经营者最低年龄", None, None),
    ("products", "max_operator_age"): ("准入最高年龄", "准入条件：经营者最高年龄", None, None),
    ("products", "min_years_in_business"): ("准入最低经营年限", "准入条件：最低经营年限", None, None),
    ("products", "admission_conditions"): ("准入条件", "准入条件的文字说明（示范县虚构）", None, None),
    ("products", "approval_days"): ("审批时长", "从申请到放款的大致天数", None, None),
    ("products", "online"): ("线上办理", "是否可以线上申请办理", _YN, None),
    # entities
    ("entities", "entity_name"): ("主体名称", "合成的主体名称（带“示例”前缀），不对应任何真实单位或个人", None, None),
    ("entities", "enterprise_size"): ("企业规模", "按年营业收入划分的规模（示范县口径）；农户、个体工商户为空",
                                      {"micro": "微型", "small": "小型", "medium": "中型"}, None),
    ("entities", "operator_name"): ("经营者姓名", "合成姓名（带“演示·”前缀）", None, "person_name"),
    ("entities", "operator_id_number"): ("经营者身份证号", "合成的 18 位身份证号：地址码以未分配的 99 开头，校验码符合 GB 11643", None, "id_number"),
    ("entities", "credit_code"): ("统一社会信用代码", "合成代码：行政区划码以 99 开头，校验码符合 GB 32100；农户为空", None, "credit_code"),
    ("entities", "operator_phone"): ("经营者手机号", "合成号码：以 100 开头，不属于任何运营商号段", None, "phone"),
    ("entities", "operator_gender"): ("经营者性别", "经营者性别", {"male": "男", "female": "女"}, None),
    ("entities", "operator_education"): ("经营者学历", "经营者最高学历", _EDU, None),
    ("entities", "employees"): ("从业人数", "含经营者本人在内的从业人数", None, None),
    ("entities", "total_assets"): ("资产总额", "经营性与家庭可用于经营的资产合计（调查口径）", None, None),
    ("entities", "total_liabilities"): ("负债总额", "在各金融机构与民间的负债合计（调查口径）", None, None),
    ("entities", "main_bank"): ("主办行", "结算与存款最集中的银行", _INST, None),
    ("entities", "banks_with_us"): ("我行客户", "是否在我行开户（有任何产品）", _YN, None),
    ("entities", "customer_since"): ("成为我行客户日期", "首次在我行开户或获得贷款的日期；非我行客户为空", None, None),
    # seven data categories
    ("risk_return", "revenue"): ("年营业收入", "经营者申报口径的年营业收入", None, None),
    ("risk_return", "profit"): ("年利润", "申报收入减去成本与损失后的年利润（可能为负）", None, None),
    ("risk_return", "profit_margin"): ("利润率", "年利润 ÷ 年营业收入", None, None),
    ("risk_return", "disaster_loss"): ("灾害损失", "当年因洪涝、干旱等自然灾害造成的损失", None, None),
    ("risk_return", "price_shock_loss"): ("价格冲击损失", "当年因产品价格或需求下行造成的损失", None, None),
    ("risk_return", "has_insurance"): ("有保险保障", "当年是否投保（农业保险或财产保险）", _YN, None),
    ("risk_return", "insured_amount"): ("保险金额", "保险保障的金额", None, None),
    ("supply_chain", "counterparty_key"): ("对手标识", "交易对手的标识：E+主体编号为本县主体，X 开头为县外或平台", None, None),
    ("supply_chain", "counterparty_entity_id"): ("对手主体编号", "交易对手在本县的主体编号；县外对手为空", None, None),
    ("supply_chain", "counterparty_name"): ("对手名称", "交易对手名称（虚构）", None, None),
    ("supply_chain", "counterparty_type"): ("对手类型", "交易对手的类别", {"coop": "合作社", "leading_enterprise": "龙头企业",
                                                                 "wholesale_market": "批发市场", "ecommerce_platform": "电商平台",
                                                                 "local_business": "本地经营主体"}, None),
    ("supply_chain", "direction"): ("上下游", "对手是主体的上游供应商还是下游买家", {"upstream": "上游供应商", "downstream": "下游买家"}, None),
    ("supply_chain", "share"): ("交易份额", "该对手占主体采购（上游）或销售（下游）的比例，0–1", None, None),
    ("supply_chain", "relationship_years"): ("合作年限", "与该对手合作的年数", None, None),
    ("supply_chain", "counterparty_banks_with_us"): ("对手是我行客户", "交易对手是否在我行开户", _YN, None),
    ("settlement", "purchase_mode"): ("采购方式", "主要的进货方式", {"spot": "现货现款", "credit_purchase": "赊购",
                                                           "contract": "订单/合同采购", "coop_supply": "合作社统购"}, None),
    ("settlement", "main_sales_channel"): ("主要销售渠道", "主要卖给谁、在哪里卖",
                                           {"retail_store": "门店零售", "wholesale_market": "批发市场", "contract_buyer": "订单收购",
                                            "ecommerce": "电商", "coop_collective": "合作社统销"}, None),
    ("settlement", "main_receipt_method"): ("主要收款方式", "收入最多的收款方式", _PAY, None),
    ("settlement", "main_payment_method"): ("主要付款方式", "向供应商付款最多的方式", _PAY, None),
    ("settlement", "receipt_share_cash"): ("现金收款占比", "收款中现金的比例，0–1", None, None),
    ("settlement", "receipt_share_transfer"): ("转账收款占比", "收款中银行转账的比例，0–1", None, None),
    ("settlement", "receipt_share_qr"): ("扫码收款占比", "收款中扫码/移动支付的比例，0–1", None, None),
    ("settlement", "receipt_share_credit"): ("赊销占比", "销售中赊账（形成应收账款）的比例，0–1", None, None),
    ("settlement", "days_receivable"): ("应收账款天数", "赊销回款平均需要的天数", None, None),
    ("settlement", "days_payable"): ("应付账款天数", "向供应商付款平均拖后的天数", None, None),
    ("settlement", "reported_share_with_us"): ("自报经我行结算比例", "经营者自报的非现金收款经我行账户的比例，0–1；未调查为空", None, None),
    ("sales_monthly", "sales_amount"): ("月销售额", "当月销售额（经营者台账口径，虚报者同样偏高）", None, None),
    ("industry_risk", "price_volatility"): ("价格波动率", "月度价格指数对数变化的标准差加上行业基础波动", None, None),
    ("industry_risk", "disaster_exposure"): ("灾害暴露", "受自然灾害影响的程度", _LEVEL, None),
    ("industry_risk", "policy_support"): ("政策支持", "受政策扶持的程度（示范县口径）", _LEVEL, None),
    ("industry_risk", "industry_risk_level"): ("行业风险等级", "示范县对细分行业的风险分级", _LEVEL, None),
    ("industry_risk", "peak_months"): ("旺季月份", "销售最旺的三个月", None, None),
    ("industry_monthly", "price_index"): ("价格指数", "细分行业产品价格指数，2023-01 = 100", None, None),
    ("industry_monthly", "seasonal_index"): ("季节指数", "当月销售相对全年平均的倍数（含春节效应）", None, None),
    ("industry_monthly", "shock"): ("行业冲击期", "当月是否处于行业冲击（价格下行、灾害、需求低迷）", _YN, None),
    ("cost_structure", "materials_cost"): ("原材料成本", "全年原材料与进货成本", None, None),
    ("cost_structure", "labour_cost"): ("人工成本", "全年雇工与家庭用工折算成本", None, None),
    ("cost_structure", "rent_cost"): ("土地与租金", "全年土地流转费、场地租金", None, None),
    ("cost_structure", "utilities_cost"): ("水电费", "全年水电燃气费用", None, None),
    ("cost_structure", "interest_cost"): ("利息支出", "全年借款利息", None, None),
    ("cost_structure", "other_cost"): ("其他成本", "运输、损耗、税费等其他成本", None, None),
    ("cost_structure", "fixed_cost_share"): ("固定成本占比", "不随销售变化的成本占总成本的比例，0–1", None, None),
    ("soft_info", "dependants"): ("赡养抚养人数", "需要供养的老人和子女人数", None, None),
    ("soft_info", "years_resident"): ("本地居住年限", "在本村居住的年数", None, None),
    ("soft_info", "married"): ("已婚", "经营者是否已婚", _YN, None),
    ("soft_info", "village_reputation"): ("村内口碑", "在村里的名声（村干部与邻里评价）",
                                          {"poor": "差", "fair": "一般", "good": "好", "excellent": "很好"}, None),
    ("soft_info", "bad_habits"): ("不良嗜好", "是否有赌博、酗酒等不良嗜好的反映", _YN, None),
    ("soft_info", "household_assets"): ("家庭资产", "房产、车辆、存款等家庭资产估值", None, None),
    ("soft_info", "owns_vehicle"): ("有车辆", "家庭是否有汽车或货车", _YN, None),
    ("soft_info", "social_ties"): ("社会关系", "亲友与社会关系的广度", {"few": "少", "some": "一般", "many": "广"}, None),
    ("soft_info", "is_village_cadre"): ("村干部", "经营者或配偶是否担任村干部", _YN, None),
    ("soft_info", "last_visit_date"): ("最近走访日期", "客户经理最近一次实地走访的日期；未走访为空", None, None),
    ("soft_info", "other_income"): ("家庭经营外年收入", "家庭成员外出务工、工资、养老金等经营以外的年收入（走访采集）；没有为 0", None, None),
    ("consumer_behavior", "monthly_payers"): ("月付款人数", "近 12 个月平均每月付款的不同顾客数", None, None),
    ("consumer_behavior", "repeat_rate"): ("复购率", "近 12 个月付款两次以上的顾客比例，0–1", None, None),
    ("consumer_behavior", "avg_ticket"): ("客单价", "每笔付款的平均金额", None, None),
    ("consumer_behavior", "share_qr"): ("扫码支付占比", "顾客付款中扫码支付的比例，0–1", None, None),
    ("consumer_behavior", "share_card"): ("刷卡占比", "顾客付款中刷卡的比例，0–1", None, None),
    ("consumer_behavior", "share_cash"): ("现金占比", "顾客付款中现金的比例（估算），0–1", None, None),
    ("consumer_behavior", "recency_days"): ("最近一次收款距今", "截至 2025-12-31 距最近一次收款的天数", None, None),
    ("consumer_behavior", "payments_per_month"): ("月收款笔数", "近 12 个月平均每月的收款笔数", None, None),
    ("consumer_behavior", "payer_growth_12m"): ("收款同比变化", "近 3 个月收款额相对去年同期的变化率", None, None),
    # bank tables
    ("holdings", "open_date"): ("开立日期", "开立或购买该产品的日期", None, None),
    ("holdings", "balance"): ("余额", "2025-12-31 的余额（存款、理财、贷款、信用卡透支等；无余额的产品为 0）", None, None),
    ("holdings", "avg_balance_12m"): ("近 12 个月日均余额", "近 12 个月的平均余额", None, None),
    ("holdings", "fee_income_12m"): ("近 12 个月中收", "该产品近 12 个月为我行带来的手续费等中间业务收入", None, None),
    ("account_flows", "inflow_amount"): ("资金流入", "当月经我行账户收到的资金", None, None),
    ("account_flows", "outflow_amount"): ("资金流出", "当月经我行账户付出的资金", None, None),
    ("account_flows", "inflow_count"): ("流入笔数", "当月资金流入的笔数", None, None),
    ("account_flows", "outflow_count"): ("流出笔数", "当月资金流出的笔数", None, None),
    ("account_flows", "avg_balance"): ("日均余额", "当月结算账户日均余额", None, None),
    ("utilities", "electricity_kwh"): ("用电量", "当月用电量；缺失表示当月未取得数据", None, None),
    ("utilities", "water_tons"): ("用水量", "当月用水量；缺失表示当月未取得数据", None, None),
    ("tax_records", "quarter_end"): ("季度末", "纳税申报所属季度的最后一天", None, None),
    ("tax_records", "tax_method"): ("征收方式", "纳税人类型或征收方式",
                                    {"general": "一般纳税人", "small_scale": "小规模纳税人", "fixed_quota": "定期定额"}, None),
    ("tax_records", "declared_revenue"): ("申报收入", "当季申报的营业收入（定期定额户为核定额）", None, None),
    ("tax_records", "tax_paid"): ("缴税额", "当季实际缴纳的税额", None, None),
    ("industry_coefficients", "revenue_per_kwh"): ("每千瓦时电对应收入", "行业经验：每用 1 千瓦时电大约对应的营业收入", None, None),
    ("industry_coefficients", "revenue_per_ton_water"): ("每吨水对应收入", "行业经验：每用 1 吨水大约对应的营业收入", None, None),
    ("industry_coefficients", "tax_to_revenue"): ("税负率", "行业经验：缴税额 ÷ 营业收入", None, None),
    ("industry_coefficients", "typical_cash_share"): ("典型现金收款占比", "行业经验：收款中现金的比例，0–1", None, None),
    ("applications", "application_date"): ("申请日期", "提交贷款申请的日期", None, None),
    ("applications", "sample"): ("样本", "按申请时间划分：开发样本（2023-01 至 2024-06）、验证样本（2024-07 至 2024-12）、近期样本（2025 年，表现尚未满 12 个月）",
                                 {"development": "开发样本", "validation": "验证样本", "recent": "近期样本"}, None),
    ("applications", "channel"): ("申请渠道", "客户从哪里来", _CHANNEL, None),
    ("applications", "requested_amount"): ("申请金额", "客户申请的贷款金额", None, None),
    ("applications", "requested_term_months"): ("申请期限", "客户申请的贷款期限", None, None),
    ("applications", "existing_debt"): ("现有他行负债", "申请时在其他机构的负债余额（征信与调查）", None, None),
    ("applications", "deposit_avg_6m"): ("近 6 个月日均存款", "申请前 6 个月在我行结算账户的日均余额；非我行客户为空", None, None),
    ("applications", "flow_trend_6m"): ("近期流水趋势", "申请前近 3 个月流入 ÷ 此前 3 个月流入 − 1；非我行客户为空", None, None),
    ("applications", "application_weekday"): ("申请星期", "提交申请是星期几",
                                               {"mon": "周一", "tue": "周二", "wed": "周三", "thu": "周四", "fri": "周五", "sat": "周六", "sun": "周日"}, None),
    ("applications", "application_hour"): ("申请时刻", "提交申请的钟点（0–23 时）", None, None),
    ("applications", "decision"): ("审批结果", "批准或拒绝", {"approved": "批准", "declined": "拒绝"}, None),
    ("applications", "approved_amount"): ("批准金额", "批准的贷款金额；拒绝为空", None, None),
    ("applications", "approved_rate"): ("批准利率", "批准的年化利率；拒绝为空", None, None),
    ("applications", "loan_id"): ("贷款编号", "批准后形成的贷款编号；拒绝为空", None, None),
    ("applications", "bad_12m"): ("12 个月内变坏", "放款后 12 个月内是否出现 90 天以上逾期；拒绝或观察不满 12 个月为空", _YN, None),
    ("loans", "origination_date"): ("放款日期", "贷款发放日期", None, None),
    ("loans", "maturity_date"): ("到期日期", "合同约定的到期日期", None, None),
    ("loans", "term_months"): ("期限", "合同期限", None, None),
    ("loans", "contract_rate"): ("合同利率", "合同约定的年化利率（LPR 加点）", None, None),
    ("loans", "borrower_credit_line"): ("单户授信总额", "借款人在我行的授信总额；1000 万元及以下为普惠型小微口径的门槛", None, None),
    ("loans", "is_inclusive_micro"): ("普惠型小微", "金融监管总局口径：借款人为小微企业（农村小微企业、新型经济组织中的小微企业）"
                                      "或个体工商户的经营性贷款，且单户授信总额 ≤ 1000 万元；农户经营性贷款不计入（只在扩大口径下计入），"
                                      "合作社按其他组织处理、不计入（示范县的假设，原文未核实）", _YN, None),
    ("loans", "is_agri_related"): ("涉农贷款", "人民银行涉农贷款专项统计口径（银发〔2007〕246号）：借款主体是农户或注册地在农村区域的"
                                   "企业及各类组织的，全部贷款计入；经营地在县城城区的，只计涉农生产加工和农资经营（支农）的贷款", _YN, None),
    ("entities", "in_urban_area"): ("经营地在城区", "经营地（注册地）在县城的城市区域（城区社区），不在乡镇或行政村；"
                                  "决定它算不算“农户”“农村企业”，从而贷款是否全额计入涉农。village 为登记的联系村", _YN, None),
    ("loans", "is_inclusive_agri"): ("普惠型涉农", "示范县的教学假设（正式定义未核实）：涉农贷款中，农户和个体经营者单户授信 ≤ 500 万元、"
                                     "企业及各类组织单户授信 ≤ 1000 万元的部分", _YN, None),
    ("loans", "is_renewal"): ("续贷", "是否为到期续贷（无还本续贷）发放的贷款", _YN, None),
    ("loans", "is_first_loan"): ("首贷", "是否为借款人在我行的第一笔贷款", _YN, None),
    ("loans", "closed_date"): ("结清/核销月份", "结清或核销处置的月末日期；核销处置的贷款从该月起不再出现在月度表；仍在账为空", None, None),
    ("loans", "is_written_off"): ("已核销", "违约后是否已在 2025 年末以前核销（呆账核销；核销后仍继续追偿，即“账销案存”）", _YN, None),
    ("loans", "written_off_amount"): ("核销金额", "核销时的贷款本金余额；未核销为空", None, None),
    ("loans", "recovered_after_write_off"): ("核销后追回", "核销后到 2025-12-31 为止追回的金额（账销案存、权在力催）；未核销为空，核销了但没追回为 0", None, None),
    ("loan_monthly", "months_on_book"): ("账龄", "放款后的月数（放款当月为 0）", None, None),
    ("loan_monthly", "balance"): ("贷款余额", "月末贷款本金余额", None, None),
    ("loan_monthly", "days_past_due"): ("逾期天数", "月末逾期天数，0 表示未逾期", None, None),
    ("loan_monthly", "scheduled_payment"): ("应还金额", "当月按合同应还的本息", None, None),
    ("loan_monthly", "paid_amount"): ("实还金额", "当月实际归还的本息（含补还的欠款）", None, None),
    ("loan_monthly", "is_restructured"): ("已重组", "贷款是否已经重组（重组后观察期内）", _YN, None),
    ("guarantees", "guarantor_id"): ("保证人编号", "提供保证的主体编号（entity_id）", None, None),
    ("guarantees", "guarantee_amount"): ("担保金额", "保证人承担保证责任的金额", None, None),
    ("guarantees", "guarantor_relation"): ("保证人关系", "保证人与借款人的关系",
                                           {"mutual": "互保/联保", "relative": "亲属", "business_partner": "生意伙伴", "coop_member": "同社社员"}, None),
    # external
    ("external_data", "housing_fund_monthly"): ("公积金月缴存额", "住房公积金月缴存额；无缴存为空", None, None),
    ("external_data", "public_security_flag"): ("公安不良记录", "是否有公安部门的不良记录提示", _YN, None),
    ("external_data", "education_verified"): ("学历核验", "经学历查询核验的学历（只覆盖大专及以上）；查无为空", _EDU, None),
    ("external_data", "court_cases"): ("涉诉案件数", "作为被告的民事案件数", None, None),
    ("external_data", "other_bank_debt"): ("他行负债", "在其他金融机构的贷款余额", None, None),
    ("external_data", "other_bank_loans"): ("他行贷款笔数", "在其他金融机构的贷款笔数", None, None),
    ("external_events", "event_type"): ("事件类型", "外部风险事件的类型",
                                        {"overdue_other_bank": "他行逾期", "lawsuit": "被起诉", "tax_arrears": "欠税", "utility_arrears": "欠缴水电费"}, None),
    ("external_events", "amount"): ("涉及金额", "事件涉及的金额；未知为空", None, None),
    ("digital_features", "geo_stability"): ("地理定位稳定性", "常用定位集中在经营地与住所的程度，0–1", None, None),
    ("digital_features", "network_degree"): ("关系网规模", "通讯与转账关系网中的联系人数", None, None),
    ("digital_features", "network_risky_contacts"): ("关系网风险人数", "关系网中有逾期或涉诉记录的联系人数", None, None),
    ("digital_features", "device_tier"): ("手机档次", "手机品牌与价位档次（以价位档代替具体品牌）",
                                          {"budget": "千元机", "mid": "中端", "premium": "高端"}, None),
    ("digital_features", "delivery_address_consistency"): ("收货地址一致性", "网购收货地址与登记住址、经营地一致的程度，0–1", None, None),
    ("digital_features", "app_active_days_30d"): ("近 30 天活跃天数", "近 30 天登录手机银行的天数", None, None),
    ("digital_features", "night_activity_share"): ("夜间活跃占比", "23 时至 5 时的操作占比，0–1", None, None),
    ("digital_features", "browsing_interest"): ("浏览兴趣", "浏览内容的主要兴趣点",
                                               {"farming": "农业生产", "business": "经营", "entertainment": "娱乐", "finance": "理财", "shopping": "购物"}, None),
    # truth
    ("truth_entities", "truth_quality"): ("【真相】经营质量", "隐藏的经营质量（标准化，越高越好），驱动收入、违约与各种信号", None, None),
    ("truth_entities", "truth_integrity"): ("【真相】诚信度", "隐藏的诚信度，0–1，越低越可能虚报收入、越不愿还款", None, None),
    ("truth_entities", "truth_revenue"): ("【真相】真实年营业收入", "2025 年真实的营业收入", None, None),
    ("truth_entities", "truth_misreport_ratio"): ("【真相】虚报倍数", "自报收入 ÷ 真实收入；约 1 为如实申报，明显大于 1 为报高，小于 1 为报低（少报）", None, None),
    ("truth_entities", "truth_is_misreporter"): ("【真相】虚报者", "是否有意虚报收入：多数报高（为多贷），少数报低（为少缴税，纳税申报同样少报）", _YN, None),
    ("truth_entities", "truth_marketing_response"): ("【真相】营销响应概率", "被营销时开户或办理新产品的概率", None, None),
    ("truth_entities", "truth_share_of_wallet"): ("【真相】我行结算份额", "非现金收款经我行账户的真实比例，0–1", None, None),
    ("truth_entities", "truth_shock_sensitivity"): ("【真相】冲击敏感度", "对行业冲击的敏感程度，1 为平均", None, None),
    ("truth_loans", "truth_default"): ("【真相】违约", "观察期内（至 2025-12）是否出现 90 天以上逾期", _YN, None),
    ("truth_loans", "truth_default_month"): ("【真相】违约月份", "首次出现 90 天以上逾期的月份", None, None),
    ("truth_applications", "truth_bad_12m"): ("【真相】12 个月内会变坏", "若放款，12 个月内是否会出现 90 天以上逾期（被拒的申请也有）", _YN, None),
}


def _fields():
    out = []
    seen = set()
    for t in _s.TABLES.values():
        for c in t.columns:
            if (t.name, c.name) in _T:
                lab, meaning, values, pii = _T[(t.name, c.name)]
                out.append(Field(c.name, lab, unit=c.unit, meaning=meaning, values=values or {}, pii=pii, table=t.name))
            elif c.name in _G:
                if c.name in seen:
                    continue
                seen.add(c.name)
                lab, meaning, values, pii = _G[c.name]
                out.append(Field(c.name, lab, unit=c.unit, meaning=meaning, values=values or {}, pii=pii))
            # 其余（如 loan_amount）由其他登记文件提供
    return out


FIELDS = _fields()
