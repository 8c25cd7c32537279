"""Illustrations for the demo portal, drawn locally: countryside scenes, fields and buildings, no downloads."""

import io
import math
import random

from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 1200, 750

SKIES = [((120, 170, 225), (220, 236, 250)), ((250, 196, 120), (253, 236, 200)), ((90, 140, 200), (200, 225, 245))]
FIELDS = [(96, 160, 64), (132, 180, 72), (180, 170, 80), (70, 140, 90)]


def _gradient(draw, top, bottom, box):
    x0, y0, x1, y1 = box
    for y in range(y0, y1):
        t = (y - y0) / max(1, y1 - y0 - 1)
        colour = tuple(int(top[i] + (bottom[i] - top[i]) * t) for i in range(3))
        draw.line([(x0, y), (x1, y)], fill=colour)


def _star(cx, cy, radius):
    points = []
    for i in range(10):
        angle = -math.pi / 2 + i * math.pi / 5
        r = radius if i % 2 == 0 else radius * 0.4
        points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    return points


def _building(draw, rng, horizon):
    """A single-storey public building with a flat roof and a flag, like a commune's one-stop house."""
    width = rng.randint(360, 520)
    left = rng.randint(120, WIDTH - width - 120)
    top = horizon - rng.randint(150, 190)
    bottom = horizon + 40
    draw.rectangle([left, top, left + width, bottom], fill=(244, 232, 200), outline=(150, 130, 100), width=3)
    draw.rectangle([left - 14, top - 22, left + width + 14, top], fill=(190, 60, 50))
    for i in range(5):
        wx = left + 30 + i * (width - 60) // 5
        draw.rectangle([wx, top + 40, wx + 44, top + 100], fill=(120, 170, 210), outline=(90, 90, 90), width=2)
    door = left + width // 2
    draw.rectangle([door - 30, top + 112, door + 30, bottom], fill=(110, 80, 60))
    pole = left + width + 60
    draw.line([(pole, top - 120), (pole, bottom)], fill=(90, 90, 90), width=5)
    draw.rectangle([pole, top - 120, pole + 90, top - 62], fill=(200, 20, 40))
    draw.polygon(_star(pole + 45, top - 91, 18), fill=(250, 210, 50))


def scene(seed: str, with_building: bool = False) -> bytes:
    """A JPEG illustration that depends only on ``seed``, so running the demo twice draws the same picture."""
    rng = random.Random(seed)
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    horizon = rng.randint(330, 420)
    sky_top, sky_bottom = rng.choice(SKIES)
    _gradient(draw, sky_top, sky_bottom, (0, 0, WIDTH, horizon))
    sun_x = rng.randint(150, WIDTH - 150)
    draw.ellipse([sun_x - 45, 70, sun_x + 45, 160], fill=(255, 240, 190))
    for _ in range(rng.randint(2, 4)):
        cx, cy = rng.randint(0, WIDTH), rng.randint(40, horizon - 120)
        for k in range(4):
            draw.ellipse([cx + k * 40 - 60, cy - 20 - (k % 2) * 12, cx + k * 40 + 40, cy + 24], fill=(250, 250, 252))
    hill = rng.choice([(90, 130, 110), (110, 140, 120), (80, 115, 100)])
    points = [(0, horizon)]
    for x in range(0, WIDTH + 100, 100):
        points.append((x, horizon - rng.randint(20, 80)))
    points.append((WIDTH, horizon))
    draw.polygon(points, fill=hill)
    field = rng.choice(FIELDS)
    _gradient(draw, field, tuple(max(0, c - 45) for c in field), (0, horizon, WIDTH, HEIGHT))
    vanishing = rng.randint(WIDTH // 3, 2 * WIDTH // 3)
    for i in range(-12, 13):
        draw.line(
            [(vanishing, horizon), (vanishing + i * 140, HEIGHT)], fill=tuple(max(0, c - 25) for c in field), width=3
        )
    for row in range(8):
        y = horizon + int((HEIGHT - horizon) * (row / 8) ** 1.6)
        draw.line([(0, y), (WIDTH, y)], fill=tuple(min(255, c + 18) for c in field), width=2)
    for _ in range(rng.randint(3, 7)):
        tx = rng.randint(0, WIDTH)
        ty = horizon + rng.randint(-10, 20)
        draw.rectangle([tx - 4, ty - 50, tx + 4, ty], fill=(90, 70, 50))
        draw.ellipse([tx - 34, ty - 100, tx + 34, ty - 30], fill=(50, 110, 60))
    if with_building:
        _building(draw, rng, horizon)
    image = image.filter(ImageFilter.GaussianBlur(0.6))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True)
    return buffer.getvalue()


def illustration(title: str) -> str:
    """The alternative text of a demo picture: the pictures are drawn, so they say what they illustrate."""
    return f"Tranh minh họa: {title}"[:255]
