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


# ---------------------------------------------------------------- issue 11 第 1、2 条：空值、无穷大、坏文件、公式
def _planted(loans, tmp_path, edits, name="x.csv"):
    bad = loans.astype(object).copy()
    for (row, col), value in edits.items():
        bad.loc[row, col] = value
    p = tmp_path / name
    bad.to_csv(p, index=False)
    return p


def test_empty_cells_in_required_columns_are_problem_lines(tmp_path, loans):
    p = _planted(loans, tmp_path, {(1, "loan_amount"): "", (2, "term_months"): "", (3, "entity_id"): " "})
    with pytest.raises(SchemaError) as info:
        read_table(p, "loans")
    assert sorted(info.value.problems) == sorted([
        "列 贷款金额（loan_amount）不能为空，有 1 个空值", "列 期限（term_months）不能为空，有 1 个空值",
        "列 主体编号（entity_id）不能为空，有 1 个空值"])
    p = _planted(loans, tmp_path, {(1, "application_id"): "", (2, "closed_date"): ""}, "ok.csv")
    back = read_table(p, "loans")  # 可为空的列：空格子读成缺失
    assert pd.isna(back.loc[1, "application_id"]) and pd.isna(back.loc[2, "closed_date"])


@pytest.mark.parametrize("value", ["inf", "1e309", "-inf", "Infinity", "-1e400"])
def test_infinite_values_are_rejected(tmp_path, loans, value):
    p = _planted(loans, tmp_path, {(1, "loan_amount"): value, (2, "term_months"): value, (3, "loan_id"): value})
    with pytest.raises(SchemaError) as info:
        read_table(p, "loans")
    text = str(info.value)
    for col in ["贷款金额（loan_amount）", "期限（term_months）", "贷款编号（loan_id）"]:
        assert f"列 {col}有 1 个值不是有限的数（如 {value!r}）" in text, (col, text)
    assert "负数" not in text  # -inf 只报一次


def test_integers_out_of_range_are_a_problem_not_a_crash(tmp_path, loans):
    p = _planted(loans, tmp_path, {(1, "term_months"): "99999999", (2, "product_id"): "1e12"})
    with pytest.raises(SchemaError) as info:
        read_table(p, "loans")
    assert "期限（term_months）有 1 个值超出了这一列的整数范围" in str(info.value)
    assert "产品编号（product_id）有 1 个值超出了这一列的整数范围" in str(info.value)


def test_a_file_with_nine_planted_problems_reports_all_nine(tmp_path):
    loans = load_dataset("loans").head(12)
    edits = {(0, "loan_amount"): -3.0, (1, "term_months"): "", (2, "loan_id"): loans.loc[3, "loan_id"],
             (4, "loan_amount"): "inf", (5, "borrower_credit_line"): "", (6, "guarantee_method"): "房产",
             (7, "origination_date"): "昨天", (8, "entity_id"): ""}
    bad = loans.drop(columns=["contract_rate"]).astype(object)  # 第 9 个：缺一列
    for (row, col), value in edits.items():
        bad.loc[row, col] = value
    p = tmp_path / "bad.csv"
    bad.to_csv(p, index=False)
    with pytest.raises(SchemaError) as info:
        read_table(p, "loans")
    problems = info.value.problems
    assert len(problems) == 9, problems
    for words in ["缺少列：合同利率（contract_rate）", "期限（term_months）不能为空", "主键 贷款编号（loan_id）有 2 行重复",
                  "贷款金额（loan_amount）有 1 个值不是有限的数", "单户授信总额（borrower_credit_line）不能为空",
                  "担保方式（guarantee_method）有 1 个不认识的类别", "放款日期（origination_date）有 1 个值不是日期",
                  "主体编号（entity_id）不能为空", "贷款金额（loan_amount）有 1 个负数"]:
        assert any(words in line for line in problems), words


def test_broken_files_give_chinese_errors(tmp_path, loans, monkeypatch):
    good_xlsx = export_excel(loans, tmp_path / "good.xlsx", display=False)
    loans.to_parquet(tmp_path / "good.parquet")
    for suffix in [".csv", ".xlsx", ".parquet", ".xls"]:
        (tmp_path / f"zero{suffix}").write_bytes(b"")
        with pytest.raises(RuralfinValueError, match="是空的（0 字节）"):
            read_table(tmp_path / f"zero{suffix}", "loans")
    data = good_xlsx.read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(data[: len(data) // 2])
    with pytest.raises(RuralfinValueError, match="不是完整的 Excel 文件"):
        read_table(tmp_path / "cut.xlsx", "loans")
    data = (tmp_path / "good.parquet").read_bytes()
    (tmp_path / "cut.parquet").write_bytes(data[: len(data) // 2])
    with pytest.raises(RuralfinValueError, match="不是完整的 parquet 文件"):
        read_table(tmp_path / "cut.parquet", "loans")
    (tmp_path / "blank.csv").write_text("\n\n", encoding="utf-8")
    with pytest.raises(RuralfinValueError, match="没有内容"):
        read_table(tmp_path / "blank.csv", "loans")
    (tmp_path / "folder.csv").mkdir()
    with pytest.raises(RuralfinValueError, match="是一个文件夹"):
        read_table(tmp_path / "folder.csv", "loans")
    with pytest.raises(RuralfinValueError, match="没有工作表 '台账'"):
        read_table(good_xlsx, "loans", sheet_name="台账")
    import pyarrow.csv

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    write_csv(loans, tmp_path / "locked.csv")
    monkeypatch.setattr(pyarrow.csv, "read_csv", denied)  # 以 root 运行时 chmod 拦不住，直接模拟
    with pytest.raises(RuralfinValueError, match="没有权限读取文件"):
        read_table(tmp_path / "locked.csv", "loans")


def test_csv_reader_keeps_text_encodings_and_ragged_rows(tmp_path):
    v = load_dataset("villages").head(6)
    # 表头是英文（前几行都是 ASCII），后面的格子才有 GBK 中文：要换编码重读，不能读成乱码
    shown = labels.to_display(v, table="villages", values=True).rename(
        columns=dict(zip(labels.to_display(v, table="villages").columns, v.columns)))
    p = tmp_path / "gbk.csv"
    shown.to_csv(p, index=False, encoding="gbk")
    pd.testing.assert_frame_equal(read_table(p, "villages"), v)
    # 有的行比表头少一个字段（末尾的可空列没写）：与以前一样按空值读
    e = load_dataset("loans").head(3)
    text = e.to_csv(index=False, date_format="%Y-%m-%d")
    lines = text.splitlines()
    assert lines[1].endswith(",")  # 第一笔没有结清日期
    (tmp_path / "ragged.csv").write_text("\n".join([lines[0], lines[1][:-1], *lines[2:]]) + "\n", encoding="utf-8")
    pd.testing.assert_frame_equal(read_table(tmp_path / "ragged.csv", "loans"), e)
    (tmp_path / "long.csv").write_text("\n".join([lines[0], lines[1] + ",多余", *lines[2:]]) + "\n", encoding="utf-8")
    with pytest.raises(RuralfinValueError, match="1 行的字段比表头多（第 2 行）"):
        read_table(tmp_path / "long.csv", "loans")


def test_read_table_does_not_rearm_defused_formulas(tmp_path):
    b = load_dataset("branches").head(4)
    raw = b.assign(branch_name=["\t=cmd|' /C calc'!A0", "'=HYPERLINK(\"http://x\")", "  青禾支行  ", "\t@SUM(1)"])
    p = tmp_path / "b.csv"
    raw.to_csv(p, index=False)
    got = read_table(p, "branches")["branch_name"].tolist()
    assert got == ["\t=cmd|' /C calc'!A0", "'=HYPERLINK(\"http://x\")", "青禾支行", "\t@SUM(1)"]
    assert not any(v.startswith(("=", "+", "-", "@")) for v in got)
    # 导出—读回—再导出：始终只多一个单引号，不会重新变成公式，也不会越加越多
    out = export_excel(b.assign(branch_name=["=1+1", "@A1", "青禾", "-2+3"]), tmp_path / "b.xlsx", display=False)
    back = read_table(out, "branches")
    assert back["branch_name"].tolist() == ["'=1+1", "'@A1", "青禾", "'-2+3"]
    again = write_csv(back, tmp_path / "again.csv")
    assert read_table(again, "branches")["branch_name"].tolist() == ["'=1+1", "'@A1", "青禾", "'-2+3"]
