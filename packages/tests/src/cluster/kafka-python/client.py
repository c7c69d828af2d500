"""kafka-python (Debian's python3-kafka 2.0.2) against a Helix node: `client.py BOOTSTRAP SCENARIO TOPIC`.

A third Kafka client implementation beside KafkaJS and librdkafka, modelled on the Java client (its
consumer commits in onJoinPrepare, its admin client speaks the classic APIs). Each scenario prints one
JSON object on its last line; kafka-python-test.ts checks it. Every wait is bounded.
"""
import json
import sys
import threading
import time

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import ConfigResource, ConfigResourceType, NewPartitions, NewTopic

DEADLINE_S = 60


def compat(bootstrap, topic):
    """Admin, a gzip producer with headers and acks=all, a group consumer, offsets by time, deletion."""
    result = {}
    admin = KafkaAdminClient(bootstrap_servers=bootstrap, client_id="py-admin", request_timeout_ms=30000)
    admin.create_topics([NewTopic(topic, num_partitions=3, replication_factor=1)])
    result["listed"] = topic in admin.list_topics()
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all", compression_type="gzip", linger_ms=5, retries=5)
    base_ms = int(time.time() * 1000) - 10_000
    futures = [
        producer.send(
            topic,
            key=f"k{i % 7}".encode(),
            value=f"v{i}".encode(),
            headers=[("n", str(i).encode())],
            timestamp_ms=base_ms + i,
        )
        for i in range(300)
    ]
    producer.flush(timeout=DEADLINE_S)
    metadata = [future.get(timeout=DEADLINE_S) for future in futures]
    producer.close()
    result["produced"] = len(metadata)
    result["producedPartitions"] = sorted({m.partition for m in metadata})
    # Keys go to partitions by murmur2, as in the Java client: the same key always lands together.
    by_key = {}
    for i, m in enumerate(metadata):
        by_key.setdefault(f"k{i % 7}", set()).add(m.partition)
    result["keysOnOnePartition"] = all(len(partitions) == 1 for partitions in by_key.values())

    consumer = KafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        group_id="py-compat",
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        consumer_timeout_ms=DEADLINE_S * 1000,
    )
    seen = []
    for message in consumer:
        seen.append((message.value.decode(), dict(message.headers)["n"].decode(), message.timestamp - base_ms))
        if len(seen) >= 300:
            break
    consumer.commit()
    result["consumed"] = len(seen)
    result["unique"] = len({value for value, _, _ in seen})
    result["headersAndTimestamps"] = all(value[1:] == n and int(n) == delta for value, n, delta in seen)
    partitions = [TopicPartition(topic, p) for p in range(3)]
    result["committedTotal"] = sum(consumer.committed(tp) or 0 for tp in partitions)
    result["endTotal"] = sum(consumer.end_offsets(partitions).values())
    times = consumer.offsets_for_times({tp: base_ms + 150 for tp in partitions})
    # The first record at or after the timestamp, in each partition: its own timestamp is >= it.
    result["offsetsForTimes"] = all(found is not None and found.timestamp >= base_ms + 150 for found in times.values())
    consumer.close(autocommit=False)

    result["groups"] = [group for group, _ in admin.list_consumer_groups()]
    result["groupState"] = admin.describe_consumer_groups(["py-compat"])[0].state
    result["groupOffsetsTotal"] = sum(o.offset for o in admin.list_consumer_group_offsets("py-compat").values())
    admin.create_partitions({topic: NewPartitions(total_count=4)})
    result["partitionsAfterCreate"] = len(admin.describe_topics([topic])[0]["partitions"])
    configs = admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, topic)])[0].resources[0][4]
    result["retentionMs"] = next((value for name, value, *_ in configs if name == "retention.ms"), None)
    admin.delete_topics([topic])
    deadline = time.time() + DEADLINE_S
    while topic in admin.list_topics() and time.time() < deadline:
        time.sleep(0.2)
    result["deleted"] = topic not in admin.list_topics()
    admin.close()
    return result


def rebalance_commit(bootstrap, topic):
    """
    Member a consumes everything alone and has committed nothing (auto-commit on, but its interval is
    far away). Member b joins: the group prepares a rebalance, and a commits what it consumed before it
    rejoins (kafka-python's onJoinPrepare, like the Java client's). Kafka accepts that commit; a broker
    that refuses it (REBALANCE_IN_PROGRESS) makes the next owner of a's partitions read them again.
    """
    admin = KafkaAdminClient(bootstrap_servers=bootstrap)
    admin.create_topics([NewTopic(topic, num_partitions=4, replication_factor=1)])
    producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all")
    for i in range(400):
        producer.send(topic, value=f"m{i}".encode(), partition=i % 4)
    producer.flush(timeout=DEADLINE_S)
    producer.close()

    def member():
        return KafkaConsumer(
            topic,
            bootstrap_servers=bootstrap,
            group_id="py-rebalance",
            auto_offset_reset="earliest",
            enable_auto_commit=True,
            auto_commit_interval_ms=600_000,
            session_timeout_ms=10_000,
            heartbeat_interval_ms=300,
        )

    seen = {"a": [], "b": []}
    assignments = {}
    a_done = threading.Event()
    stop = threading.Event()
    errors = []

    def run(name, consumer):
        try:
            deadline = time.time() + DEADLINE_S
            while not stop.is_set() and time.time() < deadline:
                for records in consumer.poll(timeout_ms=200).values():
                    seen[name].extend(record.value.decode() for record in records)
                assignments[name] = sorted(tp.partition for tp in consumer.assignment())
                if name == "a" and len(seen["a"]) >= 400:
                    a_done.set()
        except Exception as error:  # reported, not swallowed
            errors.append(f"{name}: {error!r}")
        finally:
            consumer.close(autocommit=False)

    a = threading.Thread(target=run, args=("a", member()))
    a.start()
    if not a_done.wait(DEADLINE_S):
        stop.set()
        a.join()
        return {"error": f"member a saw {len(seen['a'])} of 400 alone", "errors": errors}
    b = threading.Thread(target=run, args=("b", member()))
    b.start()
    deadline = time.time() + DEADLINE_S
    while time.time() < deadline and not (assignments.get("a") and assignments.get("b")):
        time.sleep(0.1)
    time.sleep(1.0)  # a few more polls for b, in case it was handed records to read again
    stop.set()
    a.join()
    b.join()
    offsets = admin.list_consumer_group_offsets("py-rebalance")
    admin.close()
    return {
        "aSeen": len(seen["a"]),
        "bSeen": len(seen["b"]),
        "assignments": assignments,
        "committedTotal": sum(o.offset for o in offsets.values()),
        "errors": errors,
    }


if __name__ == "__main__":
    bootstrap, scenario, topic = sys.argv[1], sys.argv[2], sys.argv[3]
    scenarios = {"compat": compat, "rebalance-commit": rebalance_commit}
    print(json.dumps(scenarios[scenario](bootstrap, topic)))
