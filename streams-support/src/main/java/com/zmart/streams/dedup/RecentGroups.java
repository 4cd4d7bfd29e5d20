package com.zmart.streams.dedup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.state.WindowStore;

/**
 * The members seen of a task's most recent groups, as objects in front of the {@link FirstSeenFilter}'s store: a
 * record of a recent group is checked and added without serializing the group, and {@link #writeChanged()} writes each
 * group changed since the last commit to the store once, before the commit. A group let go of while changed is
 * written at once; an older group is read from the store.
 */
final class RecentGroups {

    /** Groups kept: the lines of a transaction arrive together, so the last few hundred groups see every copy. */
    private static final int KEPT = 1024;

    private final WindowStore<String, List<String>> store;
    private final Map<Key, Group> groups = new LinkedHashMap<>(KEPT * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Group> eldest) {
            if (size() <= KEPT) {
                return false;
            }
            write(eldest.getKey(), eldest.getValue());
            return true;
        }
    };
    private final List<Map.Entry<Key, Group>> changed = new ArrayList<>();

    RecentGroups(WindowStore<String, List<String>> store) {
        this.store = store;
    }

    /** Adds {@code member} to the group {@code id} at {@code eventTime}; answers false if it was there already. */
    boolean add(String id, long eventTime, String member) {
        Key key = new Key(id, eventTime);
        Group group = groups.get(key);
        if (group == null) {
            List<String> members = store.fetch(id, eventTime);
            group = new Group(members == null ? new ArrayList<>(4) : members);
            groups.put(key, group);
        }
        if (group.members.contains(member)) {
            return false;
        }
        group.members.add(member);
        if (!group.changed) {
            group.changed = true;
            changed.add(Map.entry(key, group));
        }
        return true;
    }

    /** Writes every group changed since the last call to the store: once per commit, however many members it got. */
    void writeChanged() {
        changed.forEach(entry -> write(entry.getKey(), entry.getValue()));
        changed.clear();
    }

    private void write(Key key, Group group) {
        if (group.changed) {
            store.put(key.id(), group.members, key.eventTime());
            group.changed = false;
        }
    }

    private record Key(String id, long eventTime) {
    }

    private static final class Group {
        private final List<String> members;
        private boolean changed;

        private Group(List<String> members) {
            this.members = members;
        }
    }
}
