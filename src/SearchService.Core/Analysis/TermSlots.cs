namespace SearchService.Core.Analysis;

/// <summary>
/// The slot array of an open-addressing term table (<see cref="TermVocabulary"/>, the writer's
/// term tables): two ints a slot, the term's number + 1 (0 when empty) and its
/// <see cref="TermHash"/>, probed linearly from the hash's low bits.
/// </summary>
internal static class TermSlots
{
    /// <summary>A slot array twice as large as <paramref name="slots"/> holding the same terms; <paramref name="mask"/> becomes its slot mask.</summary>
    public static int[] Grow(int[] slots, out int mask)
    {
        var size = slots.Length; // twice the slot count of the old array
        var grown = new int[size * 2];
        mask = size - 1;
        for (var s = 0; s < slots.Length; s += 2)
        {
            if (slots[s] == 0)
            {
                continue;
            }

            var slot = slots[s + 1] & mask;
            while (grown[slot * 2] != 0)
            {
                slot = (slot + 1) & mask;
            }

            grown[slot * 2] = slots[s];
            grown[(slot * 2) + 1] = slots[s + 1];
        }

        return grown;
    }
}
