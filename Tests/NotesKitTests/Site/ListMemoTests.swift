import Testing
@testable import NotesSite

/// `ListMemo` makes a list's shared value once for all of its pages, and
/// lets it go when the last of them has asked (the build's memory).
@Suite struct ListMemoTests {
    final class Counter: @unchecked Sendable { var made = 0 }

    @Test func aValueIsMadeOnceForAListsPagesThenLetGo() {
        let memo = ListMemo(), counter = Counter()
        func ask() -> [Int] { memo.value("system a", pages: 3) { counter.made += 1; return [1, 2, 3] } }
        #expect(ask() == [1, 2, 3] && ask() == [1, 2, 3] && ask() == [1, 2, 3])
        #expect(counter.made == 1, "the three pages share one value")
        #expect(!memo.holds("system a"), "let go once each page has asked")
        #expect(ask() == [1, 2, 3] && counter.made == 2, "asked again (a page rendered twice), it is made again, the same")
    }

    @Test func theNumberOfPagesMayFollowFromTheValue() {
        let memo = ListMemo(), counter = Counter()
        func ask() -> [[Int]] { memo.value("topic t", pages: { $0.count }) { counter.made += 1; return [[1], [2]] } }
        _ = ask()
        #expect(memo.holds("topic t"))
        _ = ask()
        #expect(counter.made == 1 && !memo.holds("topic t"))
        #expect(memo.value("other", pages: 1) { 7 } == 7 && !memo.holds("other"), "a one-page list keeps nothing")
    }
}
