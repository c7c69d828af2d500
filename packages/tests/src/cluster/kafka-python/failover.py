"""librdkafka's idempotent producer (python3-confluent-kafka) through a partition leader's death:
`failover.py BOOTSTRAP TOPIC`. Produces to every partition with acks=all and up to 5 requests in flight
per connection; once AFTER_READY records are acknowledged it prints "READY" and waits (still producing)
for a line on stdin saying the leader was killed; then it produces AFTER_KILL more acknowledged records,
flushes, reads the topic back and prints one JSON object. kafka-librdkafka-failover.test.ts drives it.
"""
import json
import select
import sys
import time

from confluent_kafka import Consumer, Producer, TopicPartition

AFTER_READY = 5000
AFTER_KILL = 5000
DEADLINE_S = 150


def main(bootstrap, topic):
    errors = []
    acked, failed = [], []

    def delivered(err, message):
        (failed if err else acked).append(message.value().decode() if not err else str(err))

    producer = Producer({
        "bootstrap.servers": bootstrap,
        "enable.idempotence": True,
        "acks": "all",
        "linger.ms": 2,
        "message.timeout.ms": 120000,
        "error_cb": lambda error: errors.append(str(error)),
    })
    sent = 0
    killed_at = None
    ready = False
    deadline = time.time() + DEADLINE_S
    while time.time() < deadline:
        try:
            producer.produce(topic, key=f"k{sent % 11}", value=f"m{sent}", on_delivery=delivered)
            sent += 1
        except BufferError:
            producer.poll(0.05)
        producer.poll(0)
        if sent % 100 == 0:
            time.sleep(0.005)
        if not ready and len(acked) >= AFTER_READY:
            ready = True
            print("READY", flush=True)
        if ready and killed_at is None and select.select([sys.stdin], [], [], 0)[0]:
            sys.stdin.readline()
            killed_at = len(acked)
        if killed_at is not None and len(acked) >= killed_at + AFTER_KILL:
            break
    unflushed = producer.flush(DEADLINE_S)

    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": f"{topic}-check", "enable.auto.commit": False})
    partitions = list(consumer.list_topics(topic, timeout=30).topics[topic].partitions)
    ends = {p: consumer.get_watermark_offsets(TopicPartition(topic, p), timeout=30)[1] for p in partitions}
    consumer.assign([TopicPartition(topic, p, 0) for p in partitions])
    positions = {p: 0 for p in partitions}
    read = []
    read_deadline = time.time() + 90
    while time.time() < read_deadline and any(positions[p] < ends[p] for p in partitions):
        message = consumer.poll(0.5)
        if message is None or message.error():
            continue
        read.append(message.value().decode())
        positions[message.partition()] = message.offset() + 1
    consumer.close()
    acked_set = set(acked)
    return {
        "sent": sent,
        "acked": len(acked),
        "ackedAfterKill": None if killed_at is None else len(acked) - killed_at,
        "failed": failed[:5],
        "unflushed": unflushed,
        "read": len(read),
        "duplicates": len(read) - len(set(read)),
        "missing": len(acked_set - set(read)),
        "neverSent": len(set(read) - {f"m{i}" for i in range(sent)}),
        "errors": errors[:5],
    }


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2])), flush=True)
