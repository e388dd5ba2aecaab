import subprocess
import sys

from ruralfin import doctor
from ruralfin.doctor import Check, format_report


def test_report_lists_fixes_and_verdict():
    checks = [Check("Python 版本", "ok", "Python 3.11.7"),
              Check("中文字体", "fail", "没有找到中文字体", "sudo apt-get install fonts-noto-cjk")]
    text = format_report(checks)
    assert "[未通过] 中文字体：没有找到中文字体" in text
    assert "解决办法：sudo apt-get install fonts-noto-cjk" in text
    assert "有 1 项未通过" in text
    assert "全部通过" in format_report(checks[:1])
    text.encode("gbk")  # Windows 中文控制台也能显示


def test_missing_font_makes_doctor_fail(monkeypatch, capsys):
    monkeypatch.setattr(doctor, "_check_font", lambda: Check("中文字体", "fail", "没有找到中文字体", "安装字体"))
    assert doctor.run() == 1
    assert "未通过" in capsys.readouterr().out


def test_outdated_package_is_reported(monkeypatch):
    monkeypatch.setattr(doctor, "_requirements", lambda: ["pandas>=99", "no-such-package-xyz>=1"])
    checks = {c.check: c for c in doctor._check_packages()}
    assert checks["依赖包 pandas"].status == "fail" and ">=99" in checks["依赖包 pandas"].detail
    assert checks["依赖包 no-such-package-xyz"].detail == "没有安装"


def test_this_machine_is_ready():
    """课程基础 issue 的验收：本机（以及 CI 装好字体后）doctor 报告可以上课。"""
    r = subprocess.run([sys.executable, "-m", "ruralfin", "doctor"], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "全部通过" in r.stdout


def test_library_only_install_skips_course_files(monkeypatch, tmp_path, capsys):
    """pip 装的库、旁边没有课程文件夹：报告写明仅库模式，其余各项都通过时退出码为 0。"""
    from ruralfin.practice import build

    # 藏起 course_root 的三个来源：环境变量、当前目录及其上级、本库所在的仓库
    monkeypatch.delenv("RURALFIN_COURSE_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(build, "__file__", str(tmp_path / "site-packages" / "ruralfin" / "practice" / "build.py"))
    # 字体、前端因机器而异，这里只关心运行模式
    monkeypatch.setattr(doctor, "_check_font", lambda: Check("中文字体", "ok", "找到 Noto Sans CJK SC"))
    monkeypatch.setattr(doctor, "_check_widgets", lambda: Check("交互小组件", "ok", "JupyterLab 前端已安装"))
    assert doctor.run() == 0
    out = capsys.readouterr().out
    assert out.splitlines()[2] == doctor.LIBRARY_ONLY
    assert "运行模式：仅库模式" in out and "已跳过课程文件检查" in out
    assert "[跳过] 课程文件：没有找到课程文件夹，已跳过（仅库模式）" in out
    assert "未通过" not in out
    assert "[通过] 示范县数据" in out and "[通过] Python 版本" in out
    assert "全部通过：这台电脑可以使用 ruralfin 库了" in out


def test_course_checkout_still_checks_course_files():
    names = {c.check: c.status for c in doctor.run_checks()}
    assert names["课程文件"] == "ok"


def test_wrong_course_dir_variable_is_reported_not_taken_for_library_mode(monkeypatch, tmp_path):
    monkeypatch.setenv("RURALFIN_COURSE_DIR", str(tmp_path / "没有这个文件夹"))
    monkeypatch.chdir(tmp_path)
    assert doctor._has_course_files()  # 课程模式：课程文件一项照常检查
    c = doctor._check_course_files()
    assert c.status == "fail" and "RURALFIN_COURSE_DIR" in c.detail + c.fix
