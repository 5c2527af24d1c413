"""Running the project's command-line tools from tests, as a user would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from newsfacts.config import PROJECT_ROOT

BIN = Path(sys.executable).parent  # dagster, dg, newsfacts of this virtualenv


def run(command: list[str], env: dict[str, str], timeout: int = 300) -> subprocess.CompletedProcess[str]:
    """Run a command in the project folder; fail the test with its output if it fails."""
    completed = subprocess.run(
        command, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert completed.returncode == 0, (
        f"{command} failed:\n{completed.stdout[-3000:]}\n{completed.stderr[-3000:]}"
    )
    return completed
