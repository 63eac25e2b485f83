"""Shared by regen.py and run_scripts.py: how a run is rendered and normalised."""
import re


def render(out, err, status):
    text = out
    if err:
        text += "--- stderr ---\n" + err
    if status:
        text += "--- exit %d ---\n" % status
    return text


def normalize(text, scripts_dir):
    text = text.replace(scripts_dir + "/", "")
    text = re.sub(r"0x[0-9a-fA-F]{4,}", "0xADDR", text)
    return text
