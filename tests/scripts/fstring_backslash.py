value = 7
msg = f"first line \
second part {value}"
print(msg)
print(f"tab\there {value}\n-end")
print(rf"raw \n {value}")
