-- The pruning DELETE (SortHistory.prune) finds expired changes by time; without these it scans the
-- whole history. A migration of its own: V83 has been applied by stores as it first shipped.
CREATE INDEX directory_user_sort_change_changed_at_ix ON directory_user_sort_change (changed_at);
CREATE INDEX directory_group_sort_change_changed_at_ix ON directory_group_sort_change (changed_at);
