"""读入银行导出（GBK/BOM CSV、Excel）、一次报出全部问题、导出、命令行。"""

import argparse

import pandas as pd
import pytest

from ruralfin import labels
from ruralfin.datasets import export_excel, load_dataset, read_table, validate_table, write_csv
from ruralfin.datasets._cli import add_arguments, run
from ruralfin.errors import RuralfinTypeError, RuralfinValueError, SchemaError


@pytest.fixture
def loans():
    return load_dataset("loans").head(50)


def test_roundtrip_bom_csv(tmp_path, loans):
    p = write_csv(loans, tmp_path / "loans.csv")
    assert p.read_bytes()[:3] == b"\xef\xbb\xbf"
    back = read_table(p, "loans")
    pd.testing.assert_frame_equal(back, loans.reset_index(drop=True))


def test_gbk_csv_with_chinese_headers_and_values(tmp_path):
    coef = load_dataset("industry_risk")
    shown = labels.to_display(coef, table="industry_risk")
    p = tmp_path / "行业.csv"
    shown.to_csv(p, index=False, encoding="gbk")
    back = read_table(p, "industry_risk")
    pd.testing.assert_frame_equal(back, coef)


def test_excel_roundtrip_with_chinese_headers(tmp_path):
    v = load_dataset("villages")
    p = export_excel(v, tmp_path / "村.xlsx", table="villages")
    assert pd.read_excel(p).columns[0] == "行政村编号"
    back = read_table(p, "villages")
    pd.testing.assert_frame_equal(back, v)


def test_malformed_export_reports_every_problem_at_once(tmp_path, loans):
    bad = loans.drop(columns=["contract_rate"]).copy()
    bad["loan_amount"] = bad["loan_amount"].astype("float64")
    bad.loc[0, "loan_amount"] = -3.0
    bad["origination_date"] = bad["origination_date"].dt.strftime("%Y-%m-%d")
    bad.loc[1, "origination_date"] = "2099-01-01"
    bad.loc[2, "origination_date"] = "昨天"
    bad["guarantee_method"] = bad["guarantee_method"].astype("str")
    bad.loc[3, "guarantee_method"] = "房产"
    bad["term_months"] = bad["term_months"].astype("str")
    bad.loc[4, "term_months"] = "十二"
    bad["备注"] = "x"
    p = tmp_path / "bad.csv"
    bad.to_csv(p, index=False, encoding="gbk")
    with pytest.raises(SchemaError) as info:
        read_table(p, "loans")
    err = info.value
    text = str(err)
    assert err.table == "loans" and err.source == "bad.csv"
    assert len(err.problems) >= 6
    for words in ["缺少列：合同利率（contract_rate）", "未对应上的列：备注", "贷款金额（loan_amount）有 1 个负数", "晚于今天",
                  "放款日期（origination_date）有 1 个值不是日期", "担保方式（guarantee_method）有 1 个不认识的类别",
                  "期限（term_months）有 1 个值不是数字"]:
        assert words in text, words
    assert isinstance(err, ValueError)


def test_validate_does_not_modify_input(loans):
    before = loans.copy()
    validate_table(loans, "loans")
    pd.testing.assert_frame_equal(loans, before)


def test_missing_values_and_duplicate_keys_reported():
    v = load_dataset("villages").head(5)
    v = pd.concat([v, v.head(1)], ignore_index=True).astype({"households": "float64"})
    v.loc[2, "households"] = float("nan")
    with pytest.raises(SchemaError) as info:
        validate_table(v, "villages")
    text = str(info.value)
    assert "户数（households）不能为空，有 1 个空值" in text
    assert "主键 行政村编号（village_id）有 2 行重复，如 '0'" in text


def test_read_table_bad_inputs(tmp_path):
    with pytest.raises(RuralfinValueError, match="找不到文件"):
        read_table(tmp_path / "none.csv", "loans")
    with pytest.raises(RuralfinValueError, match="可用的表"):
        read_table(tmp_path / "none.csv", "loanz")
    (tmp_path / "x.json").write_text("{}")
    with pytest.raises(RuralfinValueError, match="不支持的文件类型"):
        read_table(tmp_path / "x.json", "loans")
    with pytest.raises(RuralfinTypeError, match="DataFrame"):
        validate_table([1, 2], "loans")


def test_export_refuses_to_overwrite(tmp_path, loans):
    p = export_excel({"loans": loans}, tmp_path / "a.xlsx")
    with pytest.raises(RuralfinValueError, match="已存在.*overwrite=True"):
        export_excel(loans, p)
    export_excel(loans, p, overwrite=True)
    with pytest.raises(RuralfinValueError, match="已存在"):
        write_csv(loans, write_csv(loans, tmp_path / "a.csv"))
    with pytest.raises(RuralfinValueError, match=".xlsx"):
        export_excel(loans, tmp_path / "a.xls")
    with pytest.raises(RuralfinTypeError):
        export_excel([1], tmp_path / "b.xlsx")


def test_export_excel_masks_identifiers(tmp_path):
    e = load_dataset("entities").head(5)
    p = export_excel({"entities": e}, tmp_path / "e.xlsx")
    shown = pd.read_excel(p, dtype=str)
    assert shown["经营者身份证号"].str.contains(r"\*{8}").all()
    assert shown["客群"].isin(["农村新型经济组织", "农村合作社", "农村小微企业", "个体工商户", "三农个体户（农户）"]).all()


def test_export_excel_shows_dates_without_midnight(tmp_path, loans):
    """日期写成 Excel 日期（可排序、可筛选），显示 2025-04-14；月份显示 2025-04；都不带“00:00:00”。"""
    import datetime as dt

    import openpyxl

    monthly = load_dataset("loan_monthly").head(5)
    p = export_excel({"loans": loans.head(5), "loan_monthly": monthly}, tmp_path / "d.xlsx")
    wb = openpyxl.load_workbook(p)

    def column(ws, header):
        j = [c.value for c in ws[1]].index(header) + 1
        return [ws.cell(row=i, column=j) for i in range(2, ws.max_row + 1)]

    ws = wb["loans"]
    for cell in column(ws, "放款日期") + column(ws, "到期日期"):
        assert isinstance(cell.value, dt.datetime) and cell.number_format == "yyyy-mm-dd"
    assert column(ws, "放款日期")[0].value == loans["origination_date"].iloc[0].to_pydatetime()
    closed = [c for c in column(ws, "结清/核销月份") if c.value is not None]
    assert closed and all(c.number_format == "yyyy-mm" for c in closed)
    assert all(c.number_format == "yyyy-mm" for c in column(wb["loan_monthly"], "月份"))
    from openpyxl.utils import get_column_letter

    letter = get_column_letter([c.value for c in ws[1]].index("放款日期") + 1)
    assert ws.column_dimensions[letter].width >= 12  # 够宽，不会显示成 ####
    assert column(ws, "贷款金额（万元）")[0].number_format == "General"  # 数值列不受影响


def _args(**kw):
    parser = add_arguments(argparse.ArgumentParser())
    argv = []
    for k, v in kw.items():
        if v is True:
            argv.append(f"--{k}")
        else:
            argv += [f"--{k}", str(v)]
    return parser.parse_args(argv)


def test_cli_generates_csv_and_refuses_non_empty_dir(tmp_path, capsys):
    out = tmp_path / "county"
    assert run(_args(entities=300, seed=5, out=out, format="csv")) == 0
    f = out / "entities.csv"
    assert f.read_bytes()[:3] == b"\xef\xbb\xbf"
    assert len(read_table(f, "entities")) == 300
    assert (out / "manifest.json").exists()
    assert run(_args(entities=300, seed=5, out=out)) == 2
    assert "不是空的" in capsys.readouterr().err
    assert run(_args(entities=300, seed=5, out=out, overwrite=True)) == 0
    assert (out / "entities.parquet").exists()


def test_cli_reports_bad_size(tmp_path, capsys):
    assert run(_args(entities=0, out=tmp_path / "x")) == 2
    assert "n_entities" in capsys.readouterr().err
