"""第 11 课正文里的数字与判断，都要与库在随包数据上算出的一致（数据一改，这里先失败）。"""

import re
from pathlib import Path

import nbformat
import pytest

import ruralfin as rf

LESSON = Path(__file__).resolve().parents[2] / "notebooks" / "11_goals.ipynb"


@pytest.fixture(scope="module")
def text() -> str:
    nb = nbformat.read(LESSON, as_version=4)
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


@pytest.fixture(scope="module")
def data():
    loans, monthly, entities = rf.load_dataset("loans"), rf.load_dataset("loan_monthly"), rf.load_dataset("entities")
    books = {d: rf.economics.loan_book(loans, monthly, d, entities=entities)
             for d in ["2023-12-31", "2024-12-31", "2025-12-31"]}
    rules = dict(new_loans=loans, other_loans=rf.load_dataset("bank_book_monthly"), is_inclusive_agri="is_inclusive_agri")
    ind = {2024: rf.economics.regulatory_indicators(books["2023-12-31"], books["2024-12-31"], **rules).set_index("indicator"),
           2025: rf.economics.regulatory_indicators(books["2024-12-31"], books["2025-12-31"], **rules).set_index("indicator")}
    apps = rf.load_dataset("applications")
    history = apps[apps["bad_12m"].notna()].merge(entities[["entity_id", "customer_group", "industry"]], on="entity_id")
    group_pd = rf.economics.expected_loss_table(history, columns=None, ead="approved_amount", default_flag="bad_12m")
    book = books["2025-12-31"].merge(group_pd[["customer_group", "prob_default"]], on="customer_group")
    per_loan = rf.economics.raroc(book, prob_default="prob_default")
    by_group = rf.economics.raroc(book, prob_default="prob_default", by="customer_group").set_index("customer_group")
    by_group["meeting"] = per_loan.groupby("customer_group", observed=True)["meets_hurdle"].mean()
    return dict(ind=ind, group_pd=group_pd.set_index("customer_group")["prob_default"], raroc=by_group,
                el=rf.economics.expected_loss_table(history, ead="approved_amount", default_flag="bad_12m"))


def _value(data, year, key):
    return float(data["ind"][year].loc[key, "value"])


def test_two_increases_sentence(text, data):
    para = re.search(r"2024 年全行各项贷款增长 ([\d.]+)%，普惠型小微贷款增长 ([\d.]+)%.*?"
                     r"2025 年各项贷款只增 ([\d.]+)%，普惠型小微反而\*\*下降\*\* ([\d.]+)%", text)
    assert para, "第 11 课“两增”一段的写法变了，请同步更新本测试"
    g24, im24, g25, im25 = (float(x) for x in para.groups())
    assert g24 == pytest.approx(_value(data, 2024, "all_loans_growth"), abs=0.005)
    assert im24 == pytest.approx(_value(data, 2024, "inclusive_micro_growth"), abs=0.005)
    assert g25 == pytest.approx(_value(data, 2025, "all_loans_growth"), abs=0.005)
    assert -im25 == pytest.approx(_value(data, 2025, "inclusive_micro_growth"), abs=0.005)
    assert data["ind"][2024].loc["inclusive_micro_growth", "met"] and data["ind"][2024].loc["inclusive_micro_borrowers", "met"]
    assert not data["ind"][2025].loc["inclusive_micro_growth", "met"]
    # “可有贷户数还比年初多”
    assert data["ind"][2025].loc["inclusive_micro_borrowers", "met"]


def test_agri_growth_sentence(data):
    # “2024 年涉农贷款比各项贷款多增 3 个多百分点，2025 年却落到各项贷款之后，普惠型涉农贷款还在下降”
    gap_2024 = _value(data, 2024, "agri_growth") - _value(data, 2024, "all_loans_growth")
    assert 3 <= gap_2024 < 4
    assert _value(data, 2025, "agri_growth") < _value(data, 2025, "all_loans_growth")
    assert _value(data, 2025, "inclusive_agri_growth") < 0


def test_npl_and_new_loan_rate_sentence(text, data):
    npl = float(re.search(r"各项贷款不良率 ([\d.]+)%，高于全国商业银行", text).group(1))
    assert npl == pytest.approx(_value(data, 2025, "all_loans_npl_ratio"), abs=0.005)
    assert 1.52 < npl < 2.82
    m = re.search(r"新发放普惠型小微贷款利率从 ([\d.]+)% 降到 ([\d.]+)%", text)
    before, after = float(m.group(1)), float(m.group(2))
    row = data["ind"][2025].loc["inclusive_micro_new_loan_rate"]
    assert before == pytest.approx(float(row["benchmark"]), abs=0.005)
    assert after == pytest.approx(float(row["value"]), abs=0.005)
    assert 1.5 < after - 4.45 < 2.0  # “比全国 4.45% 高近 2 个百分点”
    assert _value(data, 2025, "inclusive_micro_npl_ratio") <= float(
        data["ind"][2025].loc["inclusive_micro_npl_ratio", "benchmark"])  # “在容忍度以内”


def test_group_default_rates_sentence(text, data):
    pd_ = data["group_pd"]
    assert pd_.idxmin() == "coop" and pd_.idxmax() == "rural_micro"
    assert pd_["coop"] == pytest.approx(0.023, abs=0.0005) and pd_["rural_micro"] == pytest.approx(0.049, abs=0.0005)
    middle = pd_.drop(["coop", "rural_micro"])
    assert 0.0365 <= middle.min() and middle.max() < 0.0455  # “其余三个客群在 3.7%–4.5% 之间”
    assert pd_.max() > 2 * pd_.min()  # “相差一倍以上”
    assert "合作社最低（约 2.3%），农村小微企业最高（约 4.9%）" in text


def test_raroc_sentence(data):
    r = data["raroc"]
    hurdle = rf.economics.PRICING_EXAMPLE["hurdle_rate"]
    assert r.index[r["raroc"] >= hurdle].tolist() == ["individual_business"]  # 只有个体工商户达标
    assert r.loc["individual_business", "meeting"] > 0.8  # “八成多的个体户贷款逐笔达标”
    assert r.loc["rural_micro", "raroc"] < 0  # 小微企业贷款本身不赚钱


def test_risk_cost_cells_and_levers(data):
    el = data["el"][data["el"]["n_loans"] >= 30]
    assert el["el_rate"].max() > 3  # 差格子超过 3%
    good = el.set_index(["customer_group", "industry"]).loc[("coop", "agri_production"), "el_rate"]
    assert good < 1  # 合作社的涉农生产加工不到 1%
    pd_ = data["group_pd"]
    gain = (rf.economics.break_even_rate(prob_default=pd_.max()) - rf.economics.break_even_rate(prob_default=pd_.min()))
    assert gain == pytest.approx(1.3, abs=0.05)  # “保本利率能降 1.3 个百分点”
