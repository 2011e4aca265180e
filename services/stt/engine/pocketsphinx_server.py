#!/usr/bin/python3
"""Warmline stt: a pocketsphinx recognition sidecar, many streams over one process.

Runs under Debian's python3-pocketsphinx (the 0.8/5prealpha-era SWIG API: Decoder.default_config,
start_utt, process_raw, end_utt, hyp, seg). The TypeScript adapter (src/engines/pocketsphinx)
starts it, feeds it and restarts it if it dies.

stdin, binary, one message after another:
    u32 LE  length of what follows (kind + stream + payload)
    u8      kind: 1 open, 2 audio, 3 end, 4 cancel, 5 ping
    u32 LE  stream id (chosen by the client; 0 for ping)
    bytes   payload: open -> JSON options ({"channel": "wideband" | "telephone"}); audio -> 16 kHz 16-bit
            LE mono PCM;
            ping -> anything (echoed back as text)
stdout, one JSON object per line:
    {"type":"ready","pid":..,"maxStreams":..,"keywords":..}
    {"type":"partial","stream":id,"text":..,"audioMs":..}
    {"type":"final","stream":id,"text":..,"confidence":..,"startMs":..,"endMs":..,"audioMs":..,
     "words":[{"word","startMs","endMs","confidence"}],"keywordHit":"human-request"|null,"keywordText":..}
    {"type":"closed","stream":id}                      (after cancel)
    {"type":"error","stream":id,"code":"busy"|"unknown-stream"|"duplicate-stream"|"bad-message","message":..}
    {"type":"pong","payload":..}
Each open stream holds a pair of decoders from a pool (the language-model decoder and, with keywords
on, a small JSGF grammar decoder for requests for a human, run on the same audio); the pool grows up
to --max-streams and decoders are reused across streams. Cepstral mean normalisation carries over from
one utterance to the next on a decoder, and telephone (8 kHz) audio has very different means from
wideband audio, so there is one pool per channel, each started from its own CMN prior. End of input
(stdin closed) ends the process.
"""

import argparse
import json
import os
import re
import shutil
import signal
import struct
import sys
import tempfile

from pocketsphinx import Decoder

OPEN, AUDIO, END, CANCEL, PING = 1, 2, 3, 4, 5
FRAME_MS = 10  # pocketsphinx feature frames are 10 ms
FILLER = re.compile(r"^(<.*>|\[.*\]|\+\+.*\+\+)$")
HUMAN = re.compile(r"\b(human|person|agent|representative|operator)\b")

# Requests for a human, embedded in a loop of common words so that speech outside the grammar
# lands on the filler words instead of being forced onto a request (out-of-grammar rejection).
GRAMMAR = """#JSGF V1.0;
grammar escalation;
public <utterance> = <request> | <filler>+ <request> <filler>* | <filler>+;
<request> = <ask> [to] (a | an | the | some) (human | real person | person | agent | representative
          | operator | live agent | real human)
          | (human | representative | operator | agent) [please];
<ask> = speak | talk | transfer me | get me | connect me | put me through | let me speak | i want;
<filler> = i | a | the | to | my | me | is | it | and | you | for | of | in | on | that | this | what
          | why | when | how | can | could | would | will | do | does | did | was | were | be | been
          | have | has | had | not | no | yes | please | thank | thanks | hello | hi | okay | so | but
          | just | want | need | like | check | account | bill | billing | payment | card | number
          | one | two | three | four | five | six | seven | eight | nine | ten | hundred | dollars
          | week | month | day | today | yesterday | order | charged | cancel | address | phone
          | password | help | new | send | time | hours | open | down | since | same | high | last
          | next | due | update | correct | right | your | are | there | here | up | out | with
          | from | at | all | any | some | more | get | go | know | make | see | say | tell;
"""


def emit(message):
    sys.stdout.write(json.dumps(message, separators=(",", ":")) + "\n")
    sys.stdout.flush()


def base_config(hmm_dir, dict_path):
    config = Decoder.default_config()
    config.set_string("-hmm", hmm_dir)
    config.set_string("-dict", dict_path)
    config.set_string("-logfn", os.devnull)
    return config


def acoustic_model(model_dir, cmninit):
    """The acoustic model folder; with `cmninit`, a temporary copy (symlinks) whose feat.params
    starts cepstral mean normalisation there. The packaged start value is far from real speech and
    costs the first utterance of every new decoder about half its accuracy; feat.params wins over
    the -cmninit option in this pocketsphinx, hence the copy."""
    source = os.path.join(model_dir, "en-us")
    if not cmninit:
        return source, None
    folder = tempfile.mkdtemp(prefix=f"warmline-hmm-{os.getpid()}-")
    for name in os.listdir(source):
        if name != "feat.params":
            os.symlink(os.path.join(source, name), os.path.join(folder, name))
    with open(os.path.join(source, "feat.params"), encoding="utf-8") as params:
        lines = [line for line in params if not line.startswith("-cmninit")]
    with open(os.path.join(folder, "feat.params"), "w", encoding="utf-8") as params:
        params.writelines(lines + [f"-cmninit {cmninit}\n"])
    return folder, folder


def remove_stale_files():
    """Removes temporary files of sidecars that were killed (SIGKILL skips their clean-up)."""
    folder = tempfile.gettempdir()
    for name in os.listdir(folder):
        match = re.match(r"^warmline-(?:hmm|kw)-(\d+)-", name)
        if not match:
            continue
        try:
            os.kill(int(match.group(1)), 0)
            continue  # its sidecar still runs
        except ProcessLookupError:
            pass
        except PermissionError:
            continue
        path = os.path.join(folder, name)
        if os.path.isdir(path):
            shutil.rmtree(path, ignore_errors=True)
        else:
            try:
                os.unlink(path)
            except OSError:
                pass


def grammar_dictionary(model_dir):
    """A dictionary holding only the grammar's words: loads in milliseconds instead of 130k words."""
    words = set(re.findall(r"\b[a-z]+\b", GRAMMAR.split("public", 1)[1])) - {"grammar", "public"}
    path = tempfile.NamedTemporaryFile("w", prefix=f"warmline-kw-{os.getpid()}-", suffix=".dict", delete=False)
    with open(os.path.join(model_dir, "cmudict-en-us.dict"), encoding="utf-8") as source, path:
        for line in source:
            head = line.split(" ", 1)[0]
            if re.sub(r"\(\d+\)$", "", head) in words:
                path.write(line)
    return path.name


class DecoderPair:
    """A language-model decoder and, optionally, a grammar decoder that hears the same audio."""

    def __init__(self, model_dir, hmm_dir, grammar_dict):
        config = base_config(hmm_dir, os.path.join(model_dir, "cmudict-en-us.dict"))
        config.set_string("-lm", os.path.join(model_dir, "en-us.lm.bin"))
        self.lm = Decoder(config)
        self.lm_frames = 0  # fallback frame base when a hypothesis has no <s>
        self.kw = None
        self.channel = "wideband"
        if grammar_dict:
            self.kw = Decoder(base_config(hmm_dir, grammar_dict))
            self.kw.set_jsgf_string("escalation", GRAMMAR)
            self.kw.set_search("escalation")

    def start(self):
        self.lm.start_utt()
        if self.kw:
            self.kw.start_utt()

    def feed(self, pcm):
        self.lm.process_raw(pcm, False, False)
        if self.kw:
            self.kw.process_raw(pcm, False, False)

    def partial(self):
        hyp = self.lm.hyp()
        return hyp.hypstr if hyp else ""

    def finish(self):
        self.lm.end_utt()
        logmath = self.lm.get_logmath()
        segs = list(self.lm.seg())
        # seg() frame numbers keep counting across utterances, and not exactly by n_frames(); the
        # sentence-start marker <s> always begins on the utterance's first frame, so it is the base.
        base = segs[0].start_frame if segs and segs[0].word == "<s>" else self.lm_frames
        self.lm_frames += self.lm.n_frames()
        words = []
        for seg in segs:
            if FILLER.match(seg.word):
                continue
            words.append({
                "word": re.sub(r"\(\d+\)$", "", seg.word),
                "startMs": (seg.start_frame - base) * FRAME_MS,
                "endMs": (seg.end_frame - base + 1) * FRAME_MS,
                "confidence": round(logmath.exp(seg.prob), 4),
            })
        hyp = self.lm.hyp()
        keyword_text = None
        if self.kw:
            self.kw.end_utt()
            kw_hyp = self.kw.hyp()
            match = HUMAN.search(kw_hyp.hypstr) if kw_hyp else None
            keyword_text = kw_hyp.hypstr if match else None
        return (hyp.hypstr if hyp else ""), words, keyword_text

    def abandon(self):
        self.finish()


class Stream:
    def __init__(self, stream_id, pair, partial_every_ms):
        self.id = stream_id
        self.pair = pair
        self.partial_every_ms = partial_every_ms
        self.audio_ms = 0
        self.since_partial_ms = 0
        self.last_partial = ""
        pair.start()

    def audio(self, pcm):
        duration = len(pcm) // 32  # 16 kHz, 2 bytes a sample: 32 bytes a millisecond
        self.pair.feed(pcm)
        self.audio_ms += duration
        self.since_partial_ms += duration
        if self.since_partial_ms < self.partial_every_ms:
            return
        self.since_partial_ms = 0
        text = self.pair.partial()
        if text and text != self.last_partial:
            self.last_partial = text
            emit({"type": "partial", "stream": self.id, "text": text, "audioMs": self.audio_ms})

    def end(self):
        text, words, keyword_text = self.pair.finish()
        confidence = sum(w["confidence"] for w in words) / len(words) if words else 0.0
        emit({
            "type": "final",
            "stream": self.id,
            "text": text,
            "confidence": round(confidence, 4),
            "startMs": words[0]["startMs"] if words else 0,
            "endMs": words[-1]["endMs"] if words else self.audio_ms,
            "audioMs": self.audio_ms,
            "words": words,
            "keywordHit": "human-request" if keyword_text else None,
            "keywordText": keyword_text,
        })


class Server:
    def __init__(self, args):
        self.args = args
        self.hmm = {
            "wideband": acoustic_model(args.model_dir, args.cmninit),
            "telephone": acoustic_model(args.model_dir, args.cmninit_telephone),
        }
        self.grammar_dict = grammar_dictionary(args.model_dir) if args.keywords else None
        self.free = {"wideband": [self.pair("wideband")], "telephone": []}  # load one pair before ready
        self.created = 1
        self.streams = {}

    def pair(self, channel):
        return DecoderPair(self.args.model_dir, self.hmm[channel][0], self.grammar_dict)

    def acquire(self, channel):
        if self.free[channel]:
            return self.free[channel].pop()
        if self.created < self.args.max_streams:
            self.created += 1
            return self.pair(channel)
        other = "telephone" if channel == "wideband" else "wideband"
        return self.free[other].pop() if self.free[other] else None  # wrong CMN start beats "busy"

    def handle(self, kind, stream_id, payload):
        if kind == PING:
            emit({"type": "pong", "payload": payload.decode("utf-8", "replace")})
            return
        if kind == OPEN:
            if stream_id in self.streams:
                return self.error(stream_id, "duplicate-stream", "stream already open")
            try:
                options = json.loads(payload or b"{}")
            except ValueError:
                return self.error(stream_id, "bad-message", "open options are not JSON")
            channel = "telephone" if options.get("channel") == "telephone" else "wideband"
            pair = self.acquire(channel)
            if pair is None:
                return self.error(stream_id, "busy", f"all {self.args.max_streams} decoders are in use")
            pair.channel = channel
            self.streams[stream_id] = Stream(stream_id, pair, self.args.partial_every_ms)
            return
        stream = self.streams.get(stream_id)
        if stream is None:
            return self.error(stream_id, "unknown-stream", f"message kind {kind} for a stream that is not open")
        if kind == AUDIO:
            if len(payload) % 2:
                return self.error(stream_id, "bad-message", "odd number of PCM bytes")
            stream.audio(payload)
        elif kind in (END, CANCEL):
            del self.streams[stream_id]
            if kind == END:
                stream.end()
            else:
                stream.pair.abandon()
                emit({"type": "closed", "stream": stream_id})
            self.free[stream.pair.channel].append(stream.pair)
        else:
            self.error(stream_id, "bad-message", f"unknown message kind {kind}")

    def error(self, stream_id, code, message):
        emit({"type": "error", "stream": stream_id, "code": code, "message": message})

    def close(self):
        if self.grammar_dict:
            os.unlink(self.grammar_dict)
        for _, copy in self.hmm.values():
            if copy:
                shutil.rmtree(copy, ignore_errors=True)


def read_exact(source, count):
    chunks, remaining = [], count
    while remaining > 0:
        chunk = source.read(remaining)
        if not chunk:
            return None
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--model-dir", default="/usr/share/pocketsphinx/model/en-us")
    parser.add_argument("--max-streams", type=int, default=4)
    parser.add_argument("--partial-every-ms", type=int, default=200)
    parser.add_argument("--keywords", type=int, default=1)
    parser.add_argument("--cmninit", default="", help="13 comma-separated cepstral means to start CMN from")
    parser.add_argument("--cmninit-telephone", default="", help="the same for telephone (8 kHz) audio")
    args = parser.parse_args()
    # SIGTERM (the adapter's stop) unwinds through `finally`, so temporary files are removed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    remove_stale_files()
    server = Server(args)
    emit({"type": "ready", "pid": os.getpid(), "maxStreams": args.max_streams, "keywords": bool(args.keywords)})
    source = sys.stdin.buffer
    try:
        while True:
            header = read_exact(source, 4)
            if header is None:
                break
            (length,) = struct.unpack("<I", header)
            body = read_exact(source, length)
            if body is None or length < 5:
                break
            kind, stream_id = struct.unpack("<BI", body[:5])
            server.handle(kind, stream_id, body[5:])
    finally:
        server.close()


if __name__ == "__main__":
    main()
