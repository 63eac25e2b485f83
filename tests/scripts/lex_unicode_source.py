# -*- coding: utf-8 -*-
# Comentario en español: ¿Cómo estás? — ü ö ä ☕
saludo = "¡Hola, señor Muñoz!"
print(saludo, len(saludo))
π = 3.14159
größe = 10
print(π * 2, größe)
def café():
    return "café"
print(café(), café.__name__)
print("日本語テキスト", "emoji 🎉", "…")
