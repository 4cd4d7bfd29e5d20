package com.zmart.trends.attribution;

import com.zmart.events.ClickEvent;
import com.zmart.trends.state.Receipt;

/** A receipt and a coupon click of its customer that the join paired: an attribution before it is credited. */
record ReceiptClick(Receipt receipt, ClickEvent click) {
}
