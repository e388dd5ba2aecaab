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
