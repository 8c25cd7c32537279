"""A video and a song for the demo, made locally with PyAV (FFmpeg's encoders): no downloads, the same bytes for
the same input. The video is a slideshow of safety advice drawn with the bundled font (H.264 in MP4); the song
a short melody on the pentatonic scale Vietnamese folk songs use (MP3)."""

import io
import math
import textwrap
from array import array
from fractions import Fraction
from pathlib import Path

import av
from PIL import Image, ImageDraw, ImageFont

FONTS = Path(__file__).parent / "fonts"
FPS = 12
SAMPLE_RATE = 44_100
# Pentatonic notes around A4 (do, re, mi, sol, la) in Hz.
SCALE = [261.63, 293.66, 329.63, 392.00, 440.00, 523.25, 587.33]
MELODY = [0, 2, 3, 4, 3, 2, 1, 0, 2, 4, 5, 4, 3, 2, 3, 0, 4, 5, 6, 5, 4, 3, 2, 3, 4, 2, 1, 0]


def slide(title: str, text: str, size=(640, 360)) -> Image.Image:
    image = Image.new("RGB", size, (10, 49, 97))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, size[1] - 18, size[0], size[1]], fill=(200, 16, 46))
    heading = ImageFont.truetype(str(FONTS / "DejaVuSerif-Bold.ttf"), 30)
    body = ImageFont.truetype(str(FONTS / "DejaVuSerif.ttf"), 22)
    draw.text((36, 40), title, font=heading, fill=(242, 193, 46))
    for row, line in enumerate(textwrap.wrap(text, 44)):
        draw.text((36, 110 + row * 34), line, font=body, fill=(255, 255, 255))
    return image


def slideshow(slides: list[tuple[str, str]], seconds_each: int = 4) -> bytes:
    """An MP4 (H.264, no sound) showing each slide for ``seconds_each`` seconds."""
    buffer = io.BytesIO()
    with av.open(buffer, mode="w", format="mp4") as container:
        video = container.add_stream("libx264", rate=FPS)
        video.width, video.height, video.pix_fmt = 640, 360, "yuv420p"
        video.options = {"crf": "30", "preset": "veryfast"}
        for title, text in slides:
            frame = av.VideoFrame.from_image(slide(title, text))
            for _ in range(FPS * seconds_each):
                for packet in video.encode(frame):
                    container.mux(packet)
        for packet in video.encode():
            container.mux(packet)
    return buffer.getvalue()


def melody(beats: list[int] = MELODY, beat_seconds: float = 0.45) -> array:
    """The melody as 16-bit samples: each note a soft plucked tone with two overtones."""
    length = int(beat_seconds * SAMPLE_RATE)
    samples = array("h")
    for step in beats:
        frequency = SCALE[step]
        for n in range(length):
            t = n / SAMPLE_RATE
            envelope = min(1.0, t * 40) * math.exp(-3.2 * t)
            phase = 2 * math.pi * frequency * t
            tone = math.sin(phase) + 0.3 * math.sin(2 * phase) + 0.12 * math.sin(3 * phase)
            samples.append(int(9000 * envelope * tone))
    return samples


def song() -> bytes:
    """The melody, twice, as an MP3."""
    buffer = io.BytesIO()
    with av.open(buffer, mode="w", format="mp3") as container:
        stream = container.add_stream("libmp3lame", rate=SAMPLE_RATE)
        stream.layout = "mono"
        stream.format = "s16p"
        tune = melody()
        write_audio(container, stream, tune + tune)
    return buffer.getvalue()


def write_audio(container, stream, samples: array):
    frame_size = stream.codec_context.frame_size or 1152
    for start in range(0, len(samples), frame_size):
        chunk = samples[start : start + frame_size]
        frame = av.AudioFrame(format="s16p", layout="mono", samples=len(chunk))
        frame.planes[0].update(chunk.tobytes())
        frame.sample_rate = SAMPLE_RATE
        frame.pts = start
        frame.time_base = Fraction(1, SAMPLE_RATE)
        for packet in stream.encode(frame):
            container.mux(packet)
    for packet in stream.encode():
        container.mux(packet)
