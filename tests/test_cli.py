"""命令行 ``python -m ruralfin``：帮助与报错全是中文；输出用控制台的编码（中文 Windows 上是 GBK）。"""

import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from ruralfin.__main__ import COMMANDS, build_parser, main

ROOT = Path(__file__).resolve().parents[1]
ENGLISH = ("usage:", "positional arguments", "options:", "optional arguments", "show this help message", "error:")


def _run(*args, encoding):
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    env.pop("PYTHONUTF8", None)
    return subprocess.run([sys.executable, "-m", "ruralfin", *args], capture_output=True, cwd=ROOT, env=env)


def _help(*args) -> None:
    """打印 ``python -m ruralfin [args] --help``（用 capsys 读）。"""
    with pytest.raises(SystemExit) as info:
        build_parser().parse_args([*args, "--help"])
    assert info.value.code == 0


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_is_fully_chinese(command, capsys):
    _help(*([command] if command else []))
    text = capsys.readouterr().out
    assert text.startswith(f"用法：python -m ruralfin {command}".rstrip() + " [-h]")
    assert "选项：\n  -h, --help" in text and "显示本帮助并退出" in text
    for english in ENGLISH:
        assert english not in text
    assert re.findall(r"--[a-z-]+ [A-Z_]{2,}\b", text) == []  # 没有 --out OUT 这类英文占位名


def test_top_level_help_lists_commands(capsys):
    _help()
    text = capsys.readouterr().out
    assert "\n命令：\n  命令" in text
    assert re.search(r"^    doctor +课前检查本机环境", text, flags=re.M)


def test_subcommand_help_names_arguments_in_chinese(capsys):
    _help("generate")
    text = capsys.readouterr().out
    assert "--out 目录" in text and "--entities 个数" in text and "--seed 种子" in text
    _help("reset-exercise")
    text = capsys.readouterr().out
    assert "位置参数：\n  练习" in text and "--root 目录" in text


def test_help_text_lines_up_with_chinese_argument_names(capsys):
    _help("generate")
    lines = capsys.readouterr().out.splitlines()

    def help_column(option):
        line = next(ln for ln in lines if ln.startswith(f"  {option}"))
        start = re.search(r"\S\s{2,}(\S)", line).start(1)
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line[:start])  # 汉字占两格

    assert help_column("--entities 个数") == help_column("--out 目录") == help_column("--overwrite")


def test_argument_errors_are_chinese(capsys):
    with pytest.raises(SystemExit) as info:
        main(["generate"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("用法：python -m ruralfin generate")
    assert "出错了：缺少必填参数 --out（运行 python -m ruralfin generate -h 查看用法）" in err
    with pytest.raises(SystemExit):
        main(["generate", "--out", "x", "--format", "xlsx"])
    assert "出错了：参数 --format：取值 'xlsx' 不在可选范围内，可选：" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["generate", "--out", "x", "--entities", "很多"])
    assert "出错了：参数 --entities：应为整数，你给的是 '很多'" in capsys.readouterr().err


def test_help_on_gbk_console_is_written_in_gbk():
    r = _run("--help", encoding="gbk")
    assert r.returncode == 0, r.stderr
    text = r.stdout.decode("gbk", errors="replace")
    assert text.startswith("用法：python -m ruralfin [-h] 命令 ...")
    assert "ruralfin 乡村振兴金融课程工具" in text
    assert "课前检查本机环境" in text


def test_doctor_on_gbk_console_is_written_in_gbk():
    r = _run("doctor", encoding="gbk")
    text = r.stdout.decode("gbk", errors="replace")
    assert text.startswith("ruralfin 课前环境检查\n")
    assert "[通过] Python 版本：Python " in text
    assert "\ufffd" not in text


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp1252"])
def test_console_that_cannot_write_chinese_gets_utf8(encoding):
    r = _run("--help", encoding=encoding)
    assert r.returncode == 0, r.stderr
    text = r.stdout.decode("utf-8")  # 不是合法 UTF-8 时这里就报错
    assert "ruralfin 乡村振兴金融课程工具" in text and "课前检查本机环境" in text
