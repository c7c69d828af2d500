"""confluent-kafka (Debian's python3-confluent-kafka over librdkafka 2.0) against a Helix node:
`confluent.py BOOTSTRAP TOPIC`. Prints one JSON object on its last line; kafka-python.test.ts checks it.

Covers what kcat cannot show: librdkafka's idempotent producer (enable.idempotence, acks=all, lz4), the
cooperative-sticky assignor (KIP-429 incremental rebalancing over the classic protocol), static
membership (KIP-345: group.instance.id; a static member that restarts gets its partitions back), and
manual commits. Every wait is a condition with a deadline.
"""
import json
import sys
import time

from confluent_kafka import Consumer, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, NewTopic

DEADLINE_S = 60
RECORDS = 2000


def main(bootstrap, topic):
    errors = []
    admin = AdminClient({"bootstrap.servers": bootstrap})
    for future in admin.create_topics([NewTopic(topic, num_partitions=4, replication_factor=1)]).values():
        future.result(DEADLINE_S)

    producer = Producer({
        "bootstrap.servers": bootstrap,
        "enable.idempotence": True,
        "acks": "all",
        "linger.ms": 5,
        "compression.type": "lz4",
        "error_cb": lambda error: errors.append(f"producer: {error}"),
    })
    outcomes = []
    for i in range(RECORDS):
        producer.produce(topic, key=f"k{i % 13}", value=f"v{i}", on_delivery=lambda err, _msg: outcomes.append(err))
        producer.poll(0)
    producer.flush(DEADLINE_S)

    seen = {}

    def consumer(name, instance):
        return Consumer({
            "bootstrap.servers": bootstrap,
            "group.id": f"{topic}-group",
            "group.instance.id": instance,
            "auto.offset.reset": "earliest",
            "enable.auto.commit": False,
            "partition.assignment.strategy": "cooperative-sticky",
            "session.timeout.ms": 10000,
            "heartbeat.interval.ms": 500,
            "error_cb": lambda error: errors.append(f"{name}: {error}"),
        })

    def poll(members, until, timeout_s=DEADLINE_S):
        deadline = time.time() + timeout_s
        while time.time() < deadline:
            for name, member in members.items():
                message = member.poll(0.1)
                if message is None:
                    continue
                if message.error():
                    errors.append(f"{name}: {message.error()}")
                    continue
                seen.setdefault(message.value().decode(), []).append(name)
                member.commit(message=message, asynchronous=False)
            if until():
                return True
        return False

    def partitions(member):
        return sorted(tp.partition for tp in member.assignment())

    first = consumer("first", "instance-1")
    rebalances = []
    first.subscribe(
        [topic],
        on_assign=lambda _c, tps: rebalances.append(("assign", sorted(tp.partition for tp in tps))),
        on_revoke=lambda _c, tps: rebalances.append(("revoke", sorted(tp.partition for tp in tps))),
    )
    alone = poll({"first": first}, lambda: len(seen) >= RECORDS)
    second = consumer("second", "instance-2")
    joined_at = len(rebalances)
    second.subscribe([topic])
    # Cooperative rebalancing takes two rounds: the first member gives up [0, 1] in the first and is
    # told its (unchanged) assignment again in the second, when the second member gets them.
    shared = poll(
        {"first": first, "second": second},
        lambda: sum(1 for event in rebalances[joined_at:] if event[0] == "assign") >= 2
        and len(partitions(first)) + len(partitions(second)) == 4
        and len(partitions(second)) > 0,
    )
    before_restart = {"first": partitions(first), "second": partitions(second)}
    # A static member closes without leaving the group (KIP-345) and comes back under the same
    # instance id before its session times out: it gets the same partitions, with no rebalance.
    rebalances_before_restart = len(rebalances)
    second.close()
    again = consumer("again", "instance-2")
    again.subscribe([topic])
    first_held = set()

    def back():
        first_held.update(partitions(first))
        return partitions(again) == before_restart["second"]

    returned = poll({"first": first, "again": again}, back, 20)
    # A few more polls of the first member, to see a rebalance the return might have started.
    poll({"first": first}, lambda: False, 2)
    during_restart = rebalances[rebalances_before_restart:]
    committed = first.committed([TopicPartition(topic, p) for p in range(4)], timeout=10)
    ends = [first.get_watermark_offsets(TopicPartition(topic, p), timeout=10)[1] for p in range(4)]
    first.close()
    again.close()
    for future in admin.delete_topics([topic]).values():
        future.result(DEADLINE_S)
    return {
        "delivered": len(outcomes),
        "deliveryErrors": [str(err) for err in outcomes if err is not None][:5],
        "consumedAlone": alone,
        "shared": shared,
        "beforeRestart": before_restart,
        "returned": returned,
        "firstHeldDuringRestart": sorted(first_held),
        # Without static membership the close and the return are two rebalances the first member sees.
        "firstRebalancesDuringRestart": during_restart,
        "unique": len(seen),
        "duplicates": sum(1 for names in seen.values() if len(names) > 1),
        "committedTotal": sum(tp.offset for tp in committed),
        "endTotal": sum(ends),
        "errors": errors[:10],
    }


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2])))
